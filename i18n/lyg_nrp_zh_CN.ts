<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>@default</name>
        <message>
            <location filename="../lyg_nrp_plugin/gui/cell_size.py" />
            <source>Grid: {cells:,} cells ({cols} × {rows}), cell {cell:g} m</source>
            <translation>格网 {cells:,} 格（{cols} × {rows}），像元 {cell:g} 米</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/cell_size.py" />
            <source> (automatic: at most {n:,} cells)</source>
            <translation>（自动：不超过 {n:,} 格）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/cell_size.py" />
            <source>automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/cell_size.py" />
            <source>The grid size is shown once the land use is chosen.</source>
            <translation>选定地类图斑后显示将生成的格网大小。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/cell_size.py" />
            <source> (the raster's own grid)</source>
            <translation>（阻力栅格自身的格网）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Plan indicator dashboard</source>
            <translation>规划指标看板</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Export HTML…</source>
            <translation>导出 HTML…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>No indicators computed yet. Run “Plan indicator assessment” to fill this dashboard.</source>
            <translation>尚未计算指标。请运行“规划指标评估”以填充此看板。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>Year {year}: {met} met, {not_met} not met, {other} under another definition (for reference only), {no_target} without target, {no_data} without data.</source>
            <translation>{year} 年：达标 {met} 项，未达标 {not_met} 项，口径不同（仅供参考）{other} 项，无目标 {no_target} 项，无数据 {no_data} 项。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>{n} data warnings (see the report).</source>
            <translation>数据警告 {n} 条（详见报告）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>The algorithm {id} is not available.</source>
            <translation>算法 {id} 不可用。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>No input layer is chosen: open the settings and pick the layers.</source>
            <translation>尚未选择输入图层：请打开“设置”选择图层。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>The indicator assessment failed; see the Processing log.</source>
            <translation>指标评估失败，详见处理（Processing）日志。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/params.py" />
            <source>HTML files (*.html)</source>
            <translation>HTML 文件 (*.html)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_dock.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/sheet.py" />
            <source>Land-use parcels (DLTB)</source>
            <translation>地类图斑（DLTB）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Land boundary</source>
            <translation>陆域范围</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Jurisdictional sea area</source>
            <translation>管辖海域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Ecological protection red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Ecological space control areas</source>
            <translation>生态空间管控区域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Protected areas</source>
            <translation>自然保护地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Marine ecological red line</source>
            <translation>海洋生态红线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Coastline</source>
            <translation>海岸线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Coastal and near-shore wetland</source>
            <translation>近海与海岸湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mariculture functional zones</source>
            <translation>海水增养殖功能区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mines</source>
            <translation>矿山</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Occupation summary of the year's projects</source>
            <translation>当年项目用地占用汇总</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_settings.py" />
            <source>Indicator assessment settings</source>
            <translation>指标评估设置</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_settings.py" />
            <source>Choose the layer for each input. Layers left empty are skipped; the indicators they give show as “no data”.</source>
            <translation>为每项输入选择图层。留空的输入将被跳过，其对应指标显示为“无数据”。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Targets files (*.json *.csv)</source>
            <translation>目标值文件 (*.json *.csv)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Targets and manual values (JSON/CSV)</source>
            <translation>目标值与填报值（JSON/CSV）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>3rd land survey wetland class</source>
            <translation>三调湿地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Wetland resource survey (the plan's definition)</source>
            <translation>湿地资源调查口径（规划口径）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Wetland definition</source>
            <translation>湿地口径</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Count salt pans (0603) as wetland</source>
            <translation>盐田（0603）计入湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Year assessed</source>
            <translation>评估年份</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_view.py" />
            <source>Set by the province</source>
            <translation>按上级下达</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_view.py" />
            <source>Other definition</source>
            <translation>口径不同</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Value</source>
            <translation>现状值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>2025 target</source>
            <translation>2025年目标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Attribute</source>
            <translation>属性</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Status</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Value source</source>
            <translation>数值来源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/indicator_view.py" />
            <source>Select an indicator to see its definition, arithmetic and notes.</source>
            <translation>选择一项指标，查看其口径差异、计算过程和说明。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Check results</source>
            <translation>审查结果</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Open report</source>
            <translation>打开报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Export PDF…</source>
            <translation>导出PDF…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Print the result as a review sheet (审查意见书, PDF)</source>
            <translation>将结果打印为审查意见书（PDF）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>No check has run yet. Results of the red-line, farmland-balance, corridor and network checks will be listed here.</source>
            <translation>尚未运行任何审查。红线冲突、耕地占补平衡、生态廊道与生态网络的审查结果将列于此处。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Export review sheet (PDF)</source>
            <translation>导出审查意见书（PDF）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>The review sheet could not be written: {error}</source>
            <translation>审查意见书未能生成：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_dock.py" />
            <source>Review sheet written: {path} ({pages} pages)</source>
            <translation>审查意见书已生成：{path}（共 {pages} 页）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/base.py" />
            <source>Canceled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/params.py" />
            <source>Review sheet (PDF)</source>
            <translation>审查意见书（PDF）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_table.py" />
            <source>ID</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_table.py" />
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_table.py" />
            <source>Area (mu)</source>
            <translation>面积（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Details</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/gui/results_table.py" />
            <source>Basis:</source>
            <translation>依据：</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>LYG Natural Resources</source>
            <translation>连云港自然资源规划</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Load sample data</source>
            <translation>加载示例数据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Open sample project</source>
            <translation>打开示例工程</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Plan indicator assessment…</source>
            <translation>规划指标评估…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Edit a review model</source>
            <translation>编辑审查模型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Show details</source>
            <translation>显示详情</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Sample data loaded from {path}</source>
            <translation>已从 {path} 加载示例数据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/plugin.py" />
            <source>Could not open the sample project {path}</source>
            <translation>无法打开示例工程 {path}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/base.py" />
            <source>Parameters and outputs</source>
            <translation>参数与输出</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/base.py" />
            <source>{layer} has no features.</source>
            <translation>{layer} 中没有要素。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/base.py" />
            <source>{layer} has no field “{field}”; it is not used.</source>
            <translation>{layer} 没有字段“{field}”，不使用该字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Build corridors (一带一脉七廊)</source>
            <translation>构建一带一脉七廊</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Builds the ecological security pattern of the plan as managed zones: the seven river corridors (named river lines merged per name and buffered on both sides), the coastal barrier belt (landward buffer of the coastline clipped to the land boundary) and the Yuntai green vein (the green-vein polygons with their longest internal axis). The axes go to a second output so that the corridor assessment can cut transects. Corridor names missing from the rivers are reported.</source>
            <translation>将规划的“一带一脉七廊”生态安全格局构建为管控范围：七条河流廊道（按名称合并河流线并两侧缓冲）、沿海生态屏障带（海岸线向陆缓冲并裁切至陆域范围）和云台山系生态绿脉（绿脉面及其最长内部主轴）。各廊道主轴另存为第二个输出，供廊道管控评估切取横断面。河流图层中找不到的廊道名称会被报告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>River centre lines (e.g. the sample layer SX).</source>
            <translation>河流中心线（如示例数据图层 SX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Field holding the river name (the sample uses HLMC).</source>
            <translation>河流名称字段（示例数据为 HLMC）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Comma-separated corridor names, in order (ids R1, R2, …). A name written A-B (蔷薇河-临洪河) matches lines named A-B or, if there are none, the lines named A and B. Aliases (善后河, 蔷薇河, 临洪河 …) are read as the corridor they name.</source>
            <translation>以逗号分隔的廊道名称，按顺序编号（R1、R2 …）。写作 A-B 的名称（蔷薇河-临洪河）匹配名为 A-B 的河流线；若没有，则匹配名为 A 和 B 的河流线。别名（善后河、蔷薇河、临洪河 …）按其所指廊道读取。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>CSV table of corridor name aliases (columns alias, canonical, basis; default: resources/rules/corridor_aliases.csv). A requested name or a river line's name that is an alias counts as its canonical corridor name (善后河 → 古泊善后河).</source>
            <translation>廊道名称别名表（CSV，列 alias、canonical、basis；默认 resources/rules/corridor_aliases.csv）。请求的名称或河流线名称若为别名，按其规范廊道名称计（善后河 → 古泊善后河）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Optional numeric field with a half-width (m per side) per river feature; empty values fall back to the half-width below; zero, negative or absurd values (over 5000 m) are not used either, with a warning naming the features.</source>
            <translation>可选数值字段，按河流要素给出半宽（每侧米数）；空值取下方的半宽；零、负值或不合理的值（超过 5000 米）也不采用，并给出警告列出要素。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Corridor half-width in metres on each side of the river (1 to 5000 m).</source>
            <translation>河流两侧各自的廊道半宽（米，1 至 5000）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Coastline lines for the coastal belt (e.g. HAX; filter to the mainland coastline if islands should not get a belt).</source>
            <translation>用于构建沿海屏障带的海岸线（如 HAX；若海岛不需屏障带，请只选大陆岸线）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Landward width of the coastal belt (m, 1 to 20000).</source>
            <translation>沿海生态屏障带向陆宽度（米，1 至 20000）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Seaward width of the coastal belt (m, 0 = land only; at most 20000).</source>
            <translation>沿海生态屏障带向海宽度（米，0 = 仅陆域；最大 20000）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Polygon(s) of the Yuntai green vein (e.g. YTS).</source>
            <translation>云台山系生态绿脉面（如 YTS）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Land area (e.g. XZQ districts) that tells land from sea; required with a coastline. When given, every corridor (rivers and green vein too) is clipped to it, and outside_m2 says how much of its band was cut away (a boundary river such as 灌河 loses about half).</source>
            <translation>陆域范围（如 XZQ 行政区），用于区分陆地与海洋；有海岸线时必填。给定时，所有廊道（包括河流和绿脉）都裁切至该范围，outside_m2 给出被裁去的缓冲带面积（边界河流如灌河约裁去一半）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>One polygon per corridor, clipped to the land boundary when one is given; outside_m2 = area of the unclipped band outside it (0 without a boundary).</source>
            <translation>每条廊道一个面，给定陆域范围时裁切至该范围；outside_m2 = 未裁切缓冲带位于范围外的面积（无范围时为 0）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>The axis of each corridor: river centre line, coastline, vein axis.</source>
            <translation>各廊道主轴：河流中心线、海岸线、绿脉主轴。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Number of corridors built.</source>
            <translation>已构建的廊道数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Corridor names not found in the rivers (comma-separated).</source>
            <translation>河流图层中未找到的廊道名称（逗号分隔）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Number of corridor names not found.</source>
            <translation>未找到的廊道名称数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Rivers</source>
            <translation>河流</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>River name field</source>
            <translation>河流名称字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Corridor names</source>
            <translation>廊道名称</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Half-width field</source>
            <translation>单侧宽度字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Half-width of river corridors (m)</source>
            <translation>河流廊道单侧宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Landward width of the coastal belt (m)</source>
            <translation>沿海屏障带向陆宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Seaward width of the coastal belt (m)</source>
            <translation>沿海屏障带向海宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Green vein polygons</source>
            <translation>生态绿脉面</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Corridors</source>
            <translation>生态廊道</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Corridor axes</source>
            <translation>廊道主轴</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Number of corridors</source>
            <translation>廊道数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Missing corridor names</source>
            <translation>缺失的廊道名称</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/__init__.py" />
            <source>Number of missing names</source>
            <translation>缺失名称数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Corridor {id} {name} lies wholly outside the land boundary; not written.</source>
            <translation>廊道 {id} {name} 完全位于陆域范围之外，未输出。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>{id} {name}: {ha:,.2f} ha of its band lie outside the land boundary (cut away).</source>
            <translation>{id} {name}：缓冲带有 {ha:,.2f} 公顷位于陆域范围之外（已裁去）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>No river layer given: the river corridors {names} are not built.</source>
            <translation>未提供河流图层：河流廊道 {names} 未构建。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Building the coastal belt…</source>
            <translation>正在构建沿海生态屏障带…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>The coastal belt is empty: the coastline does not reach the land boundary.</source>
            <translation>沿海屏障带为空：海岸线未触及陆域范围。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Building the green vein and its axis…</source>
            <translation>正在构建生态绿脉及其主轴…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>The green vein layer has no polygon.</source>
            <translation>生态绿脉图层中没有面。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Corridor {name}: no river line named so in {layer} (field {field}).</source>
            <translation>廊道 {name}：{layer} 中没有该名称的河流线（字段 {field}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Corridor {name}: built from {found} only; {missing} not found.</source>
            <translation>廊道 {name}：仅由 {found} 构建；未找到 {missing}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>Corridor {name}: the river lines do not join into one line ({n} pieces).</source>
            <translation>廊道 {name}：河流线未能连成一条线（{n} 段）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>{layer}: {n} features have no value in {field}; they use the half-width {width} m.</source>
            <translation>{layer}：{n} 个要素的 {field} 无值，采用半宽 {width} 米。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/build.py" />
            <source>{layer}: {n} features have a value in {field} that is not a half-width between 0 and {max:g} m (negative, zero, text or absurd); it is not used and they take the half-width {width} m. Feature ids: {fids}</source>
            <translation>{layer}：{n} 个要素的 {field} 值不是 0 至 {max:g} 米之间的半宽（负值、零、文本或不合理值），不予采用，改用半宽 {width} 米。要素编号：{fids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/inputs.py" />
            <source>Give at least one of: rivers, coastline, green vein polygons.</source>
            <translation>请至少提供以下之一：河流、海岸线、生态绿脉面。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/inputs.py" />
            <source>A land boundary is needed with the coastline: it tells which side of the coastline is land.</source>
            <translation>提供海岸线时需要陆域范围，用以判断海岸线哪一侧是陆地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/inputs.py" />
            <source>Choose the river name field of {layer}.</source>
            <translation>请选择 {layer} 的河流名称字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/outputs.py" />
            <source>{id} {name}: {area:,.2f} ha, axis {length:,.0f} m</source>
            <translation>{id} {name}：{area:,.2f} 公顷，主轴 {length:,.0f} 米</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/outputs.py" />
            <source>Corridors not found in the rivers: {names}</source>
            <translation>河流图层中未找到的廊道：{names}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/build_corridors/outputs.py" />
            <source>not found in the rivers</source>
            <translation>河流图层中未找到</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Corridor assessment (廊道管控评估)</source>
            <translation>廊道管控评估</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Assesses each ecological corridor on its own: its land-use composition (ecological, built and farm land, proposed projects), transects perpendicular to its axis with the ecological width and built-up share of each, the breaks where consecutive transects are too narrow or built up, the fragmentation of its ecological land, and a grade from an editable threshold table.</source>
            <translation>逐条评估生态廊道：用地构成（生态用地、建设用地、耕地、拟建项目），垂直于主轴的横断面及其生态宽度和建设占比，连续横断面过窄或被建设占据形成的断点，生态用地破碎度，并按可编辑的阈值表定级。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Corridor polygons (output of Build corridors, or any polygons with the fields corridor_id, name and kind = river/belt/vein).</source>
            <translation>廊道面（“构建一带一脉七廊”的输出，或任何含 corridor_id、name 和 kind = river/belt/vein 字段的面）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Corridor axes (second output of Build corridors), matched by corridor_id or name. A river or belt corridor without an axis gets one derived from its polygon (longest internal axis), with a warning.</source>
            <translation>廊道主轴（“构建一带一脉七廊”的第二个输出），按 corridor_id 或 name 匹配。没有主轴的河流或屏障带廊道将由其面推导主轴（最长内部主轴），并给出警告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Land-use parcels of the third national land survey (DLTB).</source>
            <translation>第三次全国国土调查地类图斑（DLTB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Field holding the land-use code DLBM.</source>
            <translation>地类编码 DLBM 所在字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Proposed construction projects (optional).</source>
            <translation>拟建建设项目（可选）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Field naming the projects in the breaks output (e.g. XMBH; default: feature id).</source>
            <translation>断点输出中标识项目的字段（如 XMBH；默认为要素编号）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>What counts as ecological land: comma-separated class keys (forest, grass, wetland, water, …), Chinese class names (林地, 草地, 湿地, 水域) or DLBM codes or code prefixes; a leading minus excludes (-1109 水工建筑用地, -1107 沟渠, -1104A 养殖坑塘: not ecological by default, the plan asks for 退养还湿). The water surface 1101-1103 is measured apart and never counts.</source>
            <translation>哪些地类计为生态用地：以逗号分隔的地类键（forest、grass、wetland、water …）、中文地类名称（林地、草地、湿地、水域）或 DLBM 代码及代码前缀；前加减号表示排除（-1109 水工建筑用地、-1107 沟渠、-1104A 养殖坑塘：默认不计为生态用地，规划要求“科学实施退养还湿”）。水面 1101-1103 单独计量，始终不计入。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Distance between transects along the axis (m, 1 to 10000).</source>
            <translation>沿主轴的横断面间距（米，1 至 10000）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>A transect with less ecological width than this (m, 0 to 5000) is a break. The width is measured from the banks: the water surface (1101-1103) never counts, and a transect all on water is no break.</source>
            <translation>生态宽度小于此值（米，0 至 5000）的横断面为断点。宽度从河岸起算：水面（1101-1103）不计入，全部位于水面上的横断面不算断点。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>A transect whose built-up share (of its length) reaches this value is a break.</source>
            <translation>建设用地占横断面长度比例达到该值的横断面为断点。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>CSV table of grade thresholds (default: resources/rules/corridor_grades.csv).</source>
            <translation>定级阈值 CSV 表（默认 resources/rules/corridor_grades.csv）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>CSV table of corridor name aliases, as in build_corridors (default: resources/rules/corridor_aliases.csv). When the axes are matched to the corridors by name, an alias counts as its canonical name (an axis named 善后河 is the axis of the corridor 古泊善后河).</source>
            <translation>廊道名称别名表（CSV，与 build_corridors 相同；默认 resources/rules/corridor_aliases.csv）。按名称把轴线对应到廊道时，别名视同其规范名称（名为“善后河”的轴线即“古泊善后河”廊道的轴线）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>One row per corridor with its indicators and grade. water_m2 is the water surface (1101, 1102, 1103) inside the corridor; eco_m2 excludes it and eco_ratio = eco_m2 / (area_m2 − water_m2), the share of the land beside the water (likewise built_ratio and largest_patch_ratio). A corridor that is all water has no ratio and no grade (grade_note says why).</source>
            <translation>每条廊道一行，含各项指标和等级。water_m2 为廊道内的水面（1101、1102、1103）；eco_m2 不含水面，eco_ratio = eco_m2 / (area_m2 − water_m2)，即水面两侧陆地中生态用地的比例（built_ratio 和 largest_patch_ratio 同理）。全为水面的廊道无比例、不评级（grade_note 说明原因）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Transect lines with ecological width, built share, break flag.</source>
            <translation>横断面线，含生态宽度、建设占比和断点标记。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Breaks: runs of consecutive break transects, one polygon each (optional; created by default in QGIS Desktop).</source>
            <translation>断点：连续断点横断面合并，每处一个面（可选；在 QGIS 桌面端默认创建）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>HTML report with tables, width charts and a map.</source>
            <translation>HTML 报告，含表格、宽度曲线图和地图。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Number of corridors assessed.</source>
            <translation>已评估的廊道数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Number of breaks found.</source>
            <translation>发现的断点数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Number of invalid input geometries repaired.</source>
            <translation>已修复的无效输入几何数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Land-use code field</source>
            <translation>地类编码字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Proposed projects</source>
            <translation>拟建项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project id field</source>
            <translation>项目编号字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Ecological land classes</source>
            <translation>生态用地地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Transect spacing (m)</source>
            <translation>横断面间距（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Minimum ecological width (m)</source>
            <translation>最小生态宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Built-up share that breaks a transect</source>
            <translation>构成断点的建设占比</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Grade thresholds (CSV)</source>
            <translation>定级阈值（CSV）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Corridor assessment</source>
            <translation>廊道评估</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Transects</source>
            <translation>横断面</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Breaks</source>
            <translation>断点</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/__init__.py" />
            <source>Number of breaks</source>
            <translation>断点数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Repaired geometries</source>
            <translation>已修复几何数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/inputs.py" />
            <source>Ecological land classes: “{token}” is neither a class (forest, grass, wetland, water, farmland, garden, other, …; 林地, 草地, 湿地, 水域 …) nor a DLBM code.</source>
            <translation>生态用地地类：“{token}”既不是地类（forest、grass、wetland、water、farmland、garden、other …；林地、草地、湿地、水域 …），也不是 DLBM 编码。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/inputs.py" />
            <source>Cannot read the grade table {path}: {error}</source>
            <translation>无法读取定级表 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/inputs.py" />
            <source>Layer {layer} needs a field corridor_id or name to match the axes to the corridors.</source>
            <translation>图层 {layer} 需要 corridor_id 或 name 字段，以便将主轴与廊道对应。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/layers.py" />
            <source>{layer}: {n} corridors have no kind river/belt/vein; they are assessed as rivers.</source>
            <translation>{layer}：{n} 条廊道的 kind 不是 river/belt/vein，按河流廊道评估。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/layers.py" />
            <source>Reading land-use parcels…</source>
            <translation>正在读取地类图斑…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/layers.py" />
            <source>{layer}: {n} distinct DLBM values are not 三调 codes; those parcels count as neither ecological nor built.</source>
            <translation>{layer}：有 {n} 种 DLBM 取值不是三调编码，这些图斑既不计入生态用地也不计入建设用地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/outputs.py" />
            <source>Not graded: the corridor is {share:.1f} % water surface (1101-1103); less than {min:g} % is land beside the water, so its ecological share says nothing.</source>
            <translation>不评级：廊道中水面（1101-1103）占 {share:.1f}%，水面两侧陆地不足 {min:g}%，其生态用地比例没有意义。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/outputs.py" />
            <source>{b} breaks, continuity {c}</source>
            <translation>{b} 处断点，连续度 {c}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/run.py" />
            <source>not graded</source>
            <translation>不评级</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Ecological corridor assessment (一带一脉七廊)</source>
            <translation>“一带一脉七廊”生态廊道管控评估</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Corridor</source>
            <translation>廊道</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Water surface</source>
            <translation>水面</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Ecological land % (of the land beside the water)</source>
            <translation>生态用地比例 %（占水面两侧陆地）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Built land % (of the land beside the water)</source>
            <translation>建设用地比例 %（占水面两侧陆地）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Projects inside</source>
            <translation>廊道内拟建项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Mean ecological width (m)</source>
            <translation>平均生态宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Continuity %</source>
            <translation>连续度 %</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Patches</source>
            <translation>斑块数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Largest patch %</source>
            <translation>最大斑块占比 %</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Grade</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>The corridor is measured on the land beside the river: the water surface (1101 河流水面, 1102 湖泊水面, 1103 水库水面) is shown apart and never counts as ecological land or width; the shares are of the corridor area minus the water surface.</source>
            <translation>廊道按河流两侧的陆地评估：水面（1101 河流水面、1102 湖泊水面、1103 水库水面）单独列出，不计为生态用地或生态宽度；各比例的分母为廊道面积减去水面。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Ecological width along the corridors</source>
            <translation>沿廊道的生态宽度</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Distance along the axis (km)</source>
            <translation>沿主轴距离（千米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Ecological width (m)</source>
            <translation>生态宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>minimum {width:g} m</source>
            <translation>最小 {width:g} 米</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>No breaks found.</source>
            <translation>未发现断点。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>From (m)</source>
            <translation>起点（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>To (m)</source>
            <translation>终点（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Length (m)</source>
            <translation>长度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Built land</source>
            <translation>建设用地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Main built class</source>
            <translation>主要建设地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Cause</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Projects</source>
            <translation>相关项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>built up</source>
            <translation>建设占据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>too narrow</source>
            <translation>生态宽度不足</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>Corridors (green), axes (blue) and breaks (red)</source>
            <translation>廊道（绿）、主轴（蓝）和断点（红）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/report.py" />
            <source>The map could not be drawn: {error}</source>
            <translation>地图无法绘制：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/run.py" />
            <source>Corridor {id} {name}: no axis given; using the longest internal axis of its polygon.</source>
            <translation>廊道 {id} {name}：未提供主轴，采用其面的最长内部主轴。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/corridor_assessment/run.py" />
            <source>{id} {name}: {n} transects, {b} breaks, grade {grade}</source>
            <translation>{id} {name}：{n} 条横断面，{b} 处断点，等级 {grade}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/crs.py" />
            <source>The analysis CRS {crs} is geographic; choose a projected CRS such as EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E).</source>
            <translation>分析坐标系 {crs} 为地理坐标系，请选择投影坐标系，如 EPSG:4549（CGCS2000 / 3 度带高斯-克吕格 中央经线 120°E）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/crs.py" />
            <source>The analysis CRS {crs} is not a local true-scale projection in metres (Web or World Mercator distort areas by about 48 % at Lianyungang); choose a Gauss-Krüger CRS such as EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E).</source>
            <translation>分析坐标系 {crs} 不是以米为单位的局部等比例投影（Web 墨卡托或世界墨卡托在连云港会使面积放大约 48%）；请选择高斯-克吕格坐标系，如 EPSG:4549（CGCS2000 / 3 度带高斯-克吕格 中央经线 120°E）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/crs.py" />
            <source>{layer} is in a geographic CRS ({crs}); it is reprojected so that distances and areas are in metres.</source>
            <translation>{layer} 为地理坐标系（{crs}）；已重投影，使距离和面积以米计。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/crs.py" />
            <source>{crs} is not a local true-scale projection; the analysis runs in another CRS.</source>
            <translation>{crs} 不是局部等比例投影；分析改在其他坐标系中进行。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Ecological network (sources, corridors, nodes)</source>
            <translation>生态网络（源地-廊道-节点）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Builds the source–corridor–node ecological network of the plan (专栏5) with the MCR / Linkage Mapper / circuit-theory chain: a resistance surface from land use and a resistance table (or a resistance raster), ecological sources (given polygons or large patches of ecological land, optionally their MSPA core), cost distance, links between sources whose cost-allocation zones touch, least-cost paths, normalised least-cost corridors, current density per corridor, pinch points, barriers, junctions, and the IIC, PC, dPC and α/β/γ connectivity indices.</source>
            <translation>按规划专栏5构建“源地-廊道-节点”生态网络，采用最小累积阻力（MCR）/ Linkage Mapper / 电路理论方法链：由土地利用与阻力表（或阻力栅格）生成阻力面，识别生态源地（给定面，或生态用地大斑块，可选仅保留 MSPA 核心区），计算成本距离、成本分配区相邻的源地间连接、最小成本路径、归一化最小成本廊道、各廊道电流密度、夹点、障碍点、交汇点，以及 IIC、PC、dPC 与 α/β/γ 连通性指数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Resistance raster (optional; used instead of the land-use table). Values ≤ 0 and nodata are barriers. The analysis grid is the raster's own (origin and cell size, cropped to the study area) unless CELL_SIZE asks for another; a raster in a geographic CRS is reprojected to EPSG:4549 (resampled).</source>
            <translation>阻力栅格（可选；给出时代替土地利用阻力表）。值 ≤ 0 及无数据为障碍。分析栅格即该栅格自身的格网（原点与像元大小不变，裁剪到研究区），除非 CELL_SIZE 指定其他像元大小；地理坐标系栅格将重投影到 EPSG:4549（需重采样）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Land-use polygons (e.g. DLTB) to rasterise with the resistance table, and to derive sources from when SOURCES is not given.</source>
            <translation>土地利用图斑（如 DLTB），按阻力表栅格化；未给出生态源地时据此提取源地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Land-use code field (default DLBM).</source>
            <translation>地类编码字段（默认 DLBM）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Bundled resistance table used when RESISTANCE_TABLE is empty: 0 terrestrial network (resistance_default.csv), 1 water / waterbird network of the plan's 图3 (resistance_water.csv).</source>
            <translation>未给出 RESISTANCE_TABLE 时使用的内置阻力表：0 陆域生态网络（resistance_default.csv），1 规划图3 的水域/水鸟生态网络（resistance_water.csv）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>CSV code,name_zh,resistance[,basis] (code or first-level prefix; the longest prefix wins; empty or ≤ 0 = barrier; UTF-8 or GBK). Overrides RESISTANCE_PRESET. Integer codes are read with their lost zero (101 = 0101).</source>
            <translation>CSV：code,name_zh,resistance[,basis]（地类编码或一级类前缀，取最长匹配前缀；空或 ≤ 0 为障碍；UTF-8 或 GBK 编码）。给出时优先于 RESISTANCE_PRESET。整数编码按补回前导零读取（101 即 0101）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Cell size in metres of the analysis grid; 0 = automatic: the resistance raster's own grid, or for land use the smallest round size keeping at most 1,000,000 cells. Another size resamples a raster (see RESAMPLING).</source>
            <translation>分析栅格的像元大小（米）；0 = 自动：使用阻力栅格自身的格网，或对土地利用取使栅格不超过 1,000,000 个像元的最小整数像元大小。指定其他大小时阻力栅格将被重采样（见 RESAMPLING）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>How a resistance raster is resampled when CELL_SIZE differs from its own or it must be reprojected: 0 average or 1 maximum of the passable cells (a cell touching a barrier stays a barrier), 2 nearest (the value at the cell centre).</source>
            <translation>CELL_SIZE 与阻力栅格自身像元大小不同或需重投影时的重采样方法：0 可通行像元的平均值、1 最大值（与障碍像元相接的像元仍为障碍），2 最邻近（取像元中心处的值）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Analysis extent (default: the land-use layer or the raster).</source>
            <translation>分析范围（默认取土地利用图层或栅格范围）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Study-area polygons: cells outside are excluded.</source>
            <translation>研究区范围面：范围外像元不参与计算。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Ecological source polygons (optional; otherwise derived from land use).</source>
            <translation>生态源地面（可选；未给出时由土地利用提取）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Field with the source id (default: feature order).</source>
            <translation>源地编号字段（默认按要素顺序）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Comma-separated land-use codes or prefixes counted as ecological land when deriving sources. Left at this default with RESISTANCE_PRESET 1, the water / waterbird network takes 00,1101,1102,1103,1105,1106,1108,0306,0402 (water, tidal flats, marshes).</source>
            <translation>提取源地时计为生态用地的地类编码或前缀，逗号分隔。保持此默认值且 RESISTANCE_PRESET 为 1 时，水域/水鸟生态网络改用 00,1101,1102,1103,1105,1106,1108,0306,0402（水面、滩涂、沼泽）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Minimum area of a derived source patch, in hectares.</source>
            <translation>提取源地斑块的最小面积（公顷）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>MSPA edge width in metres: when &gt; 0 only the core (habitat farther than this from non-habitat) forms sources.</source>
            <translation>MSPA 边缘宽度（米）：大于 0 时仅以核心区（距非生境超过该宽度的生境）作为源地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Grid neighbourhood for cost distance and circuits.</source>
            <translation>成本距离与电路计算采用的栅格邻域。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Links with a least-cost distance above this (cost-weighted metres) are dropped; 0 = no limit.</source>
            <translation>最小成本距离超过该值（成本加权米）的连接将被舍弃；0 表示不限。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Also link each source to its K nearest sources by cost (0 = only sources whose cost-allocation zones touch).</source>
            <translation>另将每个源地与成本距离最近的 K 个源地相连（0 表示仅连接成本分配区相邻的源地）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Drop a link whose least-cost path passes through a third source.</source>
            <translation>最小成本路径穿过第三个源地的连接将被舍弃。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Corridor width in cost-weighted metres: cells whose normalised least-cost corridor value CWD_A + CWD_B − LCD is at most this form the corridor.</source>
            <translation>廊道宽度（成本加权米）：归一化最小成本廊道值 CWD_A + CWD_B − LCD 不超过该值的像元构成廊道。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Dispersal distance (cost-weighted metres) for IIC and PC: links up to it connect (IIC) and have probability PROBABILITY at it (PC); 0 = the median link cost.</source>
            <translation>IIC 与 PC 的扩散距离阈值（成本加权米）：不超过该值的连接视为连通（IIC），该距离处扩散概率为 PROBABILITY（PC）；0 表示取连接成本的中位数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Dispersal probability at the distance threshold (PC).</source>
            <translation>距离阈值处的扩散概率（PC）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Radius in metres of the restored window for barrier detection and of the pinch-point neighbourhood.</source>
            <translation>障碍点识别中修复窗口的半径及夹点邻域半径（米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Solve the circuit of each corridor (current, effective resistance, pinch points).</source>
            <translation>求解各廊道电路（电流、有效电阻、夹点）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Sources with area, dPC (% loss of PC when removed) and rank.</source>
            <translation>生态源地及其面积、dPC（移除后 PC 下降百分比）与排序。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Least-cost paths between linked sources with lcd, length, edge-to-edge distance, cost-to-Euclidean ratio and effective resistance.</source>
            <translation>相连源地间的最小成本路径，含最小成本距离、长度、边缘间欧氏距离、成本/欧氏距离比与有效电阻。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Corridor polygons (NLCC ≤ corridor width), one per link.</source>
            <translation>廊道面（NLCC ≤ 廊道宽度），每条连接一个。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Pinch points, barriers and junctions with score and link ids.</source>
            <translation>夹点、障碍点与交汇点，含得分与所属连接编号。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>The resistance raster used (optional).</source>
            <translation>实际使用的阻力栅格（可选）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Cost distance to the nearest source (optional).</source>
            <translation>到最近源地的成本距离（可选）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Current density summed over the link corridors (optional).</source>
            <translation>各连接廊道电流密度之和（可选）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>HTML report with a map and the tables (optional).</source>
            <translation>含地图与表格的 HTML 报告（可选）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Number of sources.</source>
            <translation>源地数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Number of links.</source>
            <translation>连接数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Integral index of connectivity.</source>
            <translation>整体连通性指数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Probability of connectivity.</source>
            <translation>可能连通性指数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Network closure α.</source>
            <translation>网络闭合度 α。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Links per node β.</source>
            <translation>线点率 β。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/__init__.py" />
            <source>Network connectivity γ.</source>
            <translation>网络连接度 γ。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>The analysis extent is empty.</source>
            <translation>分析范围为空。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>The analysis extent does not meet the resistance raster {name}.</source>
            <translation>分析范围与阻力栅格 {name} 不相交。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>The grid would have {n:,} cells ({rows} × {cols}); use a larger cell size or a smaller extent (at most {max:,} cells).</source>
            <translation>栅格将有 {n:,} 个像元（{rows} × {cols}）；请增大像元或缩小范围（最多 {max:,} 个像元）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>the resistance raster's own grid (cells read as stored, not resampled)</source>
            <translation>阻力栅格自身的格网（按原值读取，未重采样）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>resampled from the resistance raster with “{method}”</source>
            <translation>由阻力栅格按“{method}”重采样</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>; a cell touching a barrier (nodata) stays a barrier</source>
            <translation>；与障碍（无数据）像元相接的像元仍为障碍</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>land use rasterised; cell size chosen from the extent to keep at most {n:,} cells (set CELL_SIZE for another)</source>
            <translation>土地利用栅格化；像元大小按范围自动选取，使像元数不超过 {n:,}（可用 CELL_SIZE 另行指定）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>land use rasterised</source>
            <translation>土地利用栅格化</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/grid.py" />
            <source>Analysis grid: {rows} × {cols} cells of {cell} m in {crs}, upper-left corner ({x0}, {y0}); {how}.</source>
            <translation>分析栅格：{rows} × {cols} 个 {cell} 米像元，坐标系 {crs}，左上角 ({x0}, {y0})；{how}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/inputs.py" />
            <source>CELL_SIZE {cell} m is too small: give at least {min} m, or 0 (automatic).</source>
            <translation>CELL_SIZE {cell} 米过小：请至少给 {min} 米，或填 0（自动）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/inputs.py" />
            <source>Sources of the water / waterbird network from the classes {classes}.</source>
            <translation>水域/水鸟生态网络的源地取自地类 {classes}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/inputs.py" />
            <source>Give a resistance raster (RESISTANCE) or land-use polygons (LANDUSE) with a resistance table.</source>
            <translation>请提供阻力栅格（RESISTANCE），或土地利用图斑（LANDUSE）及阻力表。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/inputs.py" />
            <source>Give ecological source polygons (SOURCES) or land-use polygons (LANDUSE) to derive them from.</source>
            <translation>请提供生态源地面（SOURCES），或用于提取源地的土地利用图斑（LANDUSE）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/inputs.py" />
            <source>The resistance raster</source>
            <translation>阻力栅格</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/outputs.py" />
            <source>No link between the sources (check MAX_LINK_COST and barriers).</source>
            <translation>源地之间没有连接（请检查 MAX_LINK_COST 与障碍）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/outputs.py" />
            <source>{s} sources, {l} links, {n} nodes; IIC {iic}, PC {pc}.</source>
            <translation>源地 {s} 个，连接 {l} 条，节点 {n} 个；IIC {iic}，PC {pc}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/outputs.py" />
            <source>sources</source>
            <translation>源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/outputs.py" />
            <source>links</source>
            <translation>连接</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/outputs.py" />
            <source>dPC {dpc} %</source>
            <translation>dPC {dpc} %</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Terrestrial ecological network</source>
            <translation>陆域生态网络</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Water / waterbird ecological network</source>
            <translation>水域/水鸟生态网络</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Average (a cell touching a barrier stays a barrier)</source>
            <translation>平均值（与障碍相接的像元仍为障碍）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Maximum (a cell touching a barrier stays a barrier)</source>
            <translation>最大值（与障碍相接的像元仍为障碍）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Nearest (the value at the cell centre)</source>
            <translation>最邻近（取像元中心处的值）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Cell size (m, 0 = automatic)</source>
            <translation>像元大小（米，0 = 自动）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Resistance raster</source>
            <translation>阻力栅格</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Land-use polygons</source>
            <translation>土地利用图斑</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Resistance preset</source>
            <translation>阻力表预设</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Resistance table (overrides the preset)</source>
            <translation>阻力表（优先于预设）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Resampling of the resistance raster</source>
            <translation>阻力栅格重采样方法</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Analysis extent</source>
            <translation>分析范围</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Study-area boundary</source>
            <translation>研究区边界</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Ecological sources</source>
            <translation>生态源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Source id field</source>
            <translation>源地编号字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Ecological land-use classes</source>
            <translation>生态用地地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Minimum source area (ha)</source>
            <translation>源地最小面积（公顷）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>MSPA edge width (m)</source>
            <translation>MSPA 边缘宽度（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Neighbourhood</source>
            <translation>邻域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>8 neighbours</source>
            <translation>8 邻域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>4 neighbours</source>
            <translation>4 邻域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Maximum link cost (0 = none)</source>
            <translation>最大连接成本（0 为不限）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Also link the K nearest sources</source>
            <translation>另连接最近的 K 个源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Drop links passing through a third source</source>
            <translation>舍弃穿过第三个源地的连接</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Corridor width (cost-weighted m)</source>
            <translation>廊道宽度（成本加权米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Distance threshold for IIC/PC (0 = median link cost)</source>
            <translation>IIC/PC 距离阈值（0 为连接成本中位数）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Probability at the distance threshold</source>
            <translation>距离阈值处的扩散概率</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Barrier / pinch-point radius (m)</source>
            <translation>障碍点/夹点半径（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Compute circuit current</source>
            <translation>计算电路电流</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Ecological sources (network)</source>
            <translation>生态源地（网络）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Links (least-cost paths)</source>
            <translation>连接（最小成本路径）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Nodes (pinch points, barriers, junctions)</source>
            <translation>节点（夹点、障碍点、交汇点）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Resistance raster (used)</source>
            <translation>阻力栅格（实际使用）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Cost distance to the nearest source</source>
            <translation>至最近源地的成本距离</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/parameters.py" />
            <source>Current density</source>
            <translation>电流密度</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Number of sources</source>
            <translation>源地数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Number of links</source>
            <translation>连接数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>IIC</source>
            <translation>IIC（整体连通性指数）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>PC</source>
            <translation>PC（可能连通性指数）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>α (closure)</source>
            <translation>α（网络闭合度）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>β (links/nodes)</source>
            <translation>β（线点率）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>γ (connectivity)</source>
            <translation>γ（网络连接度）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Cell size (m)</source>
            <translation>像元大小（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Grid</source>
            <translation>栅格</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Grid origin (upper-left corner)</source>
            <translation>栅格原点（左上角）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>CRS</source>
            <translation>坐标系</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Grid made from</source>
            <translation>栅格来源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Resampled</source>
            <translation>是否重采样</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Resampling method</source>
            <translation>重采样方法</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>{n} neighbours</source>
            <translation>{n} 邻域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Inputs and parameters</source>
            <translation>输入与参数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Resistance from</source>
            <translation>阻力来源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Distance threshold for IIC/PC</source>
            <translation>IIC/PC 距离阈值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Network indices</source>
            <translation>网络指数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Links</source>
            <translation>连接</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Sources</source>
            <translation>源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Sources (green), corridors (light green), least-cost paths (blue), junctions (purple), pinch points (orange), barriers (red).</source>
            <translation>源地（绿）、廊道（浅绿）、最小成本路径（蓝）、交汇点（紫）、夹点（橙）、障碍点（红）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Rank</source>
            <translation>排序</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Link</source>
            <translation>连接</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>From</source>
            <translation>起点源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>To</source>
            <translation>终点源地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Edge-to-edge (m)</source>
            <translation>边缘间距离（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Effective resistance</source>
            <translation>有效电阻</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Nodes</source>
            <translation>节点</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Method: cost distance on the {n}-neighbour grid (step cost d·(r_a + r_b)/2); links between sources whose cost-allocation zones touch (Linkage Mapper); corridors NLCC = CWD_A + CWD_B − LCD ≤ width; circuit current with 1 A between the two sources of each link (Circuitscape conventions); IIC and PC after Pascual-Hortal &amp; Saura (2006) and Saura &amp; Pascual-Hortal (2007).</source>
            <translation>方法：{n} 邻域栅格成本距离（步长成本 d·(r_a + r_b)/2）；成本分配区相邻的源地之间建立连接（Linkage Mapper）；廊道为 NLCC = CWD_A + CWD_B − LCD ≤ 宽度；每条连接的两个源地间通以 1 A 电流求解电路（Circuitscape 约定）；IIC 与 PC 依据 Pascual-Hortal &amp; Saura（2006）及 Saura &amp; Pascual-Hortal（2007）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/report.py" />
            <source>Ecological network report (sources, corridors, nodes)</source>
            <translation>生态网络分析报告（源地-廊道-节点）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source>{n} ecological sources.</source>
            <translation>生态源地 {n} 个。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source>No patch of ecological land ({classes}) reaches the minimum source area of {ha} ha{core}; the outputs are empty. Lower SOURCE_MIN_AREA or EDGE_WIDTH, or check ECO_CLASSES.</source>
            <translation>没有生态用地（{classes}）斑块达到源地最小面积 {ha} 公顷{core}，输出为空。请降低 SOURCE_MIN_AREA 或 EDGE_WIDTH，或检查 ECO_CLASSES。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source> (MSPA core)</source>
            <translation>（MSPA 核心区）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source>{n} source(s) lie outside the analysis extent and are left out: {ids}</source>
            <translation>{n} 个源地位于分析范围之外，已略去：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source>{n} source(s) cover no passable cell of the grid and are left out: {ids}</source>
            <translation>{n} 个源地未覆盖任何可通行像元，已略去：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/sources.py" />
            <source>No ecological source lies in the analysis extent; the outputs are empty.</source>
            <translation>分析范围内没有生态源地，输出为空。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/surface.py" />
            <source>Resistance table {path}: {error}</source>
            <translation>阻力表 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/surface.py" />
            <source>The resistance table {path} has no value for the land-use code(s) {codes} found in field “{field}” of {layer}. Add them (or their first-level prefix) to the table.</source>
            <translation>阻力表 {path} 中没有 {layer} 的“{field}”字段中出现的地类编码 {codes} 的阻力值。请在表中补充这些编码（或其一级类前缀）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/surface.py" />
            <source>Rasterising {n} land-use polygons…</source>
            <translation>正在栅格化 {n} 个土地利用图斑…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/surface.py" />
            <source>The resistance raster {name} has no passable cell in the analysis extent (all nodata or ≤ 0): check the raster, its nodata value and EXTENT / BOUNDARY.</source>
            <translation>阻力栅格 {name} 在分析范围内没有可通行像元（全部为无数据或 ≤ 0）：请检查栅格及其无数据值，以及 EXTENT / BOUNDARY。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ecological_network/surface.py" />
            <source>No cell of the analysis extent has a passable resistance: the land use of {layer} is all barrier classes in {path}, or lies outside EXTENT / BOUNDARY.</source>
            <translation>分析范围内没有阻力可通行的像元：{layer} 的地类在阻力表 {path} 中全部为障碍，或位于 EXTENT / BOUNDARY 之外。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Farmland balance verification</source>
            <translation>耕地占补平衡核验</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Verifies the balance of occupied and supplementary farmland (耕地占补平衡) per project or county: quantity, paddy (占水田补水田), quality grade (占优补优) and standard grain capacity, all net of field ridges (KCXS). With the base-year land use only land that was not farmland counts as new quantity; 旱改水 adds paddy and capacity, 提质改造 capacity; plots on forest, wetland or water, or outside the base layer, are refused. Plots that are not cultivated land, have no grade, are too steep, or lie in the ecological red line or a protected area are flagged and excluded; overlapping plots count their overlap once. The balance sheet gives what is still missing.</source>
            <translation>按项目或县（区）核验被占用耕地与补充耕地的占补平衡：数量、水田（占水田补水田）、质量等别（占优补优）和标准粮食产能，面积均扣除田坎（KCXS）。提供基期地类时，只有原非耕地的土地计为新增数量；旱改水增加水田和产能，提质改造增加产能；位于林地、湿地、河湖水库或基期图层之外的地块不予认定。非耕地地类、缺少等别、坡度超限或位于生态保护红线、自然保护地内的补充地块被标记并剔除；相互重叠的地块重叠部分只计一次。平衡表给出仍需补足的缺口。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Farmland balance sheet</source>
            <translation>耕地占补平衡表</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Flagged supplementary plots</source>
            <translation>被标记的补充耕地地块</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Supplementary land by base land use</source>
            <translation>补充耕地分部核定（按基期地类）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Farmland balance report</source>
            <translation>耕地占补平衡报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Number of groups</source>
            <translation>分组数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Number of unbalanced groups</source>
            <translation>不平衡分组数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Number of flagged plots</source>
            <translation>被标记地块数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Area deficit (m²)</source>
            <translation>面积缺口（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Paddy deficit (m²)</source>
            <translation>水田缺口（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/__init__.py" />
            <source>Grain capacity deficit (kg)</source>
            <translation>粮食产能缺口（千克）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Planar areas in the analysis CRS, or ellipsoidal areas on the CGCS2000 ellipsoid.</source>
            <translation>在分析坐标系中按平面计算面积，或在 CGCS2000 椭球面上计算椭球面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>CRS in which geometries are compared and measured.</source>
            <translation>用于几何比较和量算的坐标系。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Balance sheet: one row per group and a total row, with the checks, the verdict and the deficits (0 when satisfied). sup_m2 is the net new quantity, sup_paddy_m2 new paddy plus 旱改水, sup_cap_kg the capacity of new land plus gains, sup_upg_m2 the net area credited as upgrade only.</source>
            <translation>平衡表：每个分组一行外加合计行，含各项核验、结论和缺口（满足时为 0）。sup_m2 为净新增耕地数量，sup_paddy_m2 为新增水田加旱改水，sup_cap_kg 为新增耕地产能加提质增产，sup_upg_m2 为仅按提质改造、旱改水认定的净面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Excluded supplementary plots, trimmed overlapping parts and parts that were already farmland, with the reason, the base land uses found and the excluded area.</source>
            <translation>被剔除的补充地块、被裁除的重叠部分和基期已是耕地的部分，含原因、所在基期地类和剔除面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Each plot's credited land cut by the base-year parcels: its class (new, 旱改水, 提质改造, not new) and what it is credited (net m² and kg).</source>
            <translation>各补充地块按基期图斑切分后的部分：其类别（新增、旱改水、提质改造、非新增）和认定量（净平方米和千克）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>HTML report with the balance sheet in 公顷 and 亩, the class of each part, the flagged plots and a map (created by default).</source>
            <translation>HTML 报告：以公顷和亩表示的平衡表、各部分类别、被标记地块和地图（默认生成）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Printable 审查意见书 (PDF): a cover with the summary, then one page per balance group with its map, the balance in 公顷 and 亩, the verdict, the reasons and an empty block for 审查单位 / 审查人 / 审查意见 / 日期.</source>
            <translation>可打印的审查意见书（PDF）：封面为汇总，其后每个平衡分组一页，含地图、以公顷和亩计的占补平衡表、结论、原因，以及留空待填的审查单位 / 审查人 / 审查意见 / 日期栏。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Number of balance groups.</source>
            <translation>分组数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Number of groups that do not balance.</source>
            <translation>不平衡的分组数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Number of flagged supplementary plots or parts.</source>
            <translation>被标记的补充地块或部分的数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Total area deficit (m²), the sum of the group deficits.</source>
            <translation>面积缺口合计（平方米），即各分组缺口之和。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Total paddy deficit (m²), the sum of the group deficits.</source>
            <translation>水田缺口合计（平方米），即各分组缺口之和。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/help.py" />
            <source>Total grain capacity deficit (kg), the sum of the group deficits.</source>
            <translation>粮食产能缺口合计（千克），即各分组缺口之和。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/inputs.py" />
            <source>Give both group fields (occupied and supplementary) or neither: a balance per group needs the group of every occupied piece and every supplementary plot.</source>
            <translation>请同时给出两个分组字段（被占用耕地和补充耕地）或都不给出：分组核验需要每个被占用图斑和每个补充地块的分组。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/outputs.py" />
            <source>(all)</source>
            <translation>（全部）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/outputs.py" />
            <source>deficit {area}, paddy {paddy}, capacity {kg} kg</source>
            <translation>缺口 {area}，水田 {paddy}，产能 {kg} 千克</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Farmland balance verification report</source>
            <translation>耕地占补平衡核验报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Conclusion</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Each group must balance on its own: a surplus in one group does not offset a deficit in another. The deficits of the total row are the sums of the group deficits.</source>
            <translation>每个分组须各自平衡：一个分组的盈余不能抵补另一个分组的缺口。合计行的缺口为各分组缺口之和。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>not given</source>
            <translation>未提供</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied farmland</source>
            <translation>被占用耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary farmland</source>
            <translation>补充耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Base-year land use (DLTB)</source>
            <translation>基期地类图斑（DLTB）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Grain capacity table</source>
            <translation>粮食产能表</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Source land-use rules (CSV)</source>
            <translation>补充耕地来源地类规则（CSV）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Maximum slope level</source>
            <translation>最高坡度级别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Sliver tolerance (m²)</source>
            <translation>碎片容差（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Area method</source>
            <translation>面积计算方法</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Analysis CRS</source>
            <translation>分析坐标系</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Warning: the grain capacity figures come from the bundled ILLUSTRATIVE table, not from an official one. Replace it by the provincial table before relying on the capacity check.</source>
            <translation>警告：粮食产能数据来自插件自带的示意性产能表，并非官方数据。依据产能核验结论之前，请替换为省级产能表。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Balance sheet</source>
            <translation>平衡表</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Areas in 公顷 (hectares) with 亩 in brackets, net of field ridges (KCXS); capacity in tonnes of standard grain. ✓ satisfied, ✗ not satisfied. Supplement: new quantity; paddy: new paddy and 旱改水; capacity: new land and the gains of 旱改水 and 提质改造; upgrade only: land that was farmland already.</source>
            <translation>面积单位为公顷，括号内为亩，已扣除田坎（KCXS）；产能单位为吨标准粮。✓ 满足，✗ 不满足。补充：新增耕地数量；水田：新增水田与旱改水；产能：新增耕地产能与旱改水、提质改造的增产；仅提质：基期已是耕地的土地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Occupied, ha (mu)</source>
            <translation>占用，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Supplement, ha (mu)</source>
            <translation>补充，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Area deficit, ha (mu)</source>
            <translation>面积缺口，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Occupied paddy, ha (mu)</source>
            <translation>占用水田，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Supplement paddy, ha (mu)</source>
            <translation>补充水田，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Paddy deficit, ha (mu)</source>
            <translation>水田缺口，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Upgrade only, ha (mu)</source>
            <translation>仅提质改造，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Occupied grade</source>
            <translation>占用等别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Supplement grade</source>
            <translation>补充等别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Occupied capacity (t)</source>
            <translation>占用产能（吨）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Supplement capacity (t)</source>
            <translation>补充产能（吨）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Capacity deficit (t)</source>
            <translation>产能缺口（吨）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Plot fid</source>
            <translation>地块 fid</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Base land use</source>
            <translation>基期地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Excluded (m²)</source>
            <translation>剔除面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>Excluded (mu)</source>
            <translation>剔除面积（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>No supplementary plot was excluded or trimmed.</source>
            <translation>没有补充地块被剔除或裁剪。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report.py" />
            <source>{n} occupied piece(s) are not coded as cultivated land and are not part of the balance: fids {fids}.</source>
            <translation>{n} 个被占用图斑不是耕地地类，不参与占补平衡：fid {fids}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_map.py" />
            <source>Flagged plots</source>
            <translation>被标记地块</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_map.py" />
            <source>Credited supplementary farmland</source>
            <translation>计入的补充耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_map.py" />
            <source>Red: occupied farmland; green: credited supplementary farmland; orange: flagged plots or parts; shaded: red line and protected areas.</source>
            <translation>红色：被占用耕地；绿色：计入的补充耕地；橙色：被标记的地块或部分；阴影：生态保护红线和自然保护地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>What the supplementary land adds</source>
            <translation>补充耕地的认定</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>No supplementary land is credited.</source>
            <translation>没有认定的补充耕地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>New: land that was not farmland in the base year (quantity, paddy when the plot is 0101, capacity at the plot's grade). 旱改水: 0102/0103 now 0101 (paddy and capacity gain, no quantity). 提质改造: farmland with a better grade now (capacity gain only). Not new: farmland already, no upgrade (nothing).</source>
            <translation>新增耕地：基期不是耕地的土地（计数量；地块现为 0101 时计水田；按地块现等别计产能）。旱改水：基期 0102/0103、现为 0101（计水田和增产，不计数量）。提质改造：基期已是耕地、现等别更优（只计增产）。非新增耕地：基期已是耕地且未提质（不计）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Class</source>
            <translation>地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Parts</source>
            <translation>部分数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Gross, ha (mu)</source>
            <translation>毛面积，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Net, ha (mu)</source>
            <translation>净面积，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Quantity, ha (mu)</source>
            <translation>数量，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Paddy, ha (mu)</source>
            <translation>水田，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Capacity (t)</source>
            <translation>产能（吨）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Base land use → class</source>
            <translation>基期地类 → 类别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Quantity (m²)</source>
            <translation>数量（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Paddy (m²)</source>
            <translation>水田（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Upgrade only (m²)</source>
            <translation>仅提质改造（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>Capacity (kg)</source>
            <translation>产能（千克）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>{n} more plots are listed in the PARTS output.</source>
            <translation>另有 {n} 个地块见 PARTS 输出。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>no base</source>
            <translation>无基期图斑</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/report_parts.py" />
            <source>not verified</source>
            <translation>未核验</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>Balanced</source>
            <translation>平衡</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>Not balanced: {n} of {m} group(s) fail.</source>
            <translation>不平衡：{m} 个分组中有 {n} 个不平衡。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>Newness verified against the base-year land use {layer}: only land that was not farmland counts as new quantity.</source>
            <translation>已对照基期地类图层 {layer} 核验新增：只有基期不是耕地的土地计为新增数量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/run.py" />
            <source>{layer}: KCXS read as {unit}.</source>
            <translation>{layer}：田坎系数 KCXS 按{unit}读取。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>{layer}: {n} piece(s) are not coded as cultivated land (01xx) and are not part of the balance (fids {fids}).</source>
            <translation>{layer}：{n} 个图斑不是耕地地类（01xx），不参与占补平衡（fid {fids}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>{layer}: {n} plot(s) have no readable slope level; their slope is not checked.</source>
            <translation>{layer}：{n} 个地块的坡度级别无法识别，未检查其坡度。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>{layer}: {n} unreadable KCXS value(s) counted as 0 (fids {fids}).</source>
            <translation>{layer}：{n} 个无法读取的 KCXS 值按 0 计（fid {fids}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>{layer}: {n} plot(s) excluded for a non-numeric or negative area or KCXS (fids {fids}).</source>
            <translation>{layer}：{n} 个地块因面积或 KCXS 非数值或为负而被剔除（fid {fids}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>{n} part(s) on base-year farmland have no base grade: their capacity gain is 0.</source>
            <translation>{n} 个位于基期耕地上的部分缺少基期等别：其增产按 0 计。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/farmland_balance/run.py" />
            <source>Still to find: {area} of farmland, {paddy} of paddy, {kg} kg of grain capacity.</source>
            <translation>仍需补足：耕地 {area}，水田 {paddy}，粮食产能 {kg} 千克。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Plan indicator assessment</source>
            <translation>规划指标评估</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Computes the main indicators of the 14th Five-Year natural-resources plan (Table 2, with the 2020 values of Table 1 and the other 2025 targets of the text) from the layers given — 3rd land survey parcels, land boundary, sea area, red lines, permanent farmland, protected areas, coastline, coastal wetland, mariculture zones, mines, the year's occupation summary — and rates each against its 2025 target: met, not met, no target or no data. A value measured under another definition than the plan's figure (tree cover from 3rd-survey forest land, 3rd-survey wetland) is shown as not comparable instead, with the difference. Every input is optional; indicators no layer can give (forest surveys, ledgers) and the targets set by the province come from the TARGETS file; each value says where it comes from (computed, approximate, entered, example).</source>
            <translation>依据所给图层（三调地类图斑、陆域范围、管辖海域、生态保护红线与海洋生态红线、永久基本农田、自然保护地、海岸线、近海与海岸湿地、海水增养殖区、矿山、当年项目用地占用汇总）计算《连云港市“十四五”自然资源保护和利用规划》主要指标（表2，附表1的2020年值及正文所列其他2025年目标），并逐项对照2025年目标评定为达标、未达标、无目标或无数据。数值口径与规划不同的（如以三调林地计算的林木覆盖率、三调湿地类）标为“口径不同，仅供参考”，并说明差异。所有输入均为可选；图层无法给出的指标（森林资源调查、各类台账）以及按上级下达的目标值由 TARGETS 文件填报；每个数值注明来源（计算、近似、填报、示例）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>3rd land survey parcels (DLTB): cultivated land, wetland, built land, forest land, natural wetland.</source>
            <translation>三调地类图斑（DLTB）：用于耕地、湿地、建设用地、林地、自然湿地等指标。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Land-use code field (DLBM, GB/T 21010 / 3rd survey codes).</source>
            <translation>地类编码字段（DLBM，GB/T 21010 / 三调工作分类）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Parcel land area field in m² (TBDLMJ). When the layer has no such field the geometry area is used.</source>
            <translation>图斑地类面积字段，单位平方米（TBDLMJ）。图层无此字段时采用图形面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Land boundary (e.g. XZQ). Its area is the land area of the ratios; without it the land-use parcels' area is used.</source>
            <translation>陆域范围（如行政区 XZQ），其面积作为各比例指标的陆域面积；未给出时采用地类图斑面积之和。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Jurisdictional sea area (HYGNQ).</source>
            <translation>管辖海域（HYGNQ）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Marine function-zone type field of the sea area (GNQLX). Without a mariculture layer, the zones whose type contains one of the mariculture words give the mariculture zone area.</source>
            <translation>管辖海域的海洋功能区类型字段（GNQLX）。未给出海水增养殖区图层时，以类型含增养殖关键词的功能区面积作为海水增养殖功能区面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Comma-separated words that mark a sea zone as mariculture (增养殖区 belong to 农渔业区).</source>
            <translation>以逗号分隔的关键词，功能区类型含其一即视为增养殖功能区（增养殖区属于农渔业区）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Ecological protection red line (STBHHX).</source>
            <translation>生态保护红线（STBHHX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Permanent basic farmland (YJJBNTBHTB).</source>
            <translation>永久基本农田保护图斑（YJJBNTBHTB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Net area field of the permanent farmland parcels in m² (YJJBNTMJ), summed with overlaps counted once; when the layer has no such field the dissolved geometry area is used.</source>
            <translation>永久基本农田保护图斑净面积字段，单位平方米（YJJBNTMJ），求和时重叠部分只计一次；图层无此字段时采用图斑合并后的图形面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Protected areas (ZRBHD); marine parks and scenic areas are told apart by the type field.</source>
            <translation>自然保护地（ZRBHD），按类型字段区分海洋公园与风景名胜区。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Protected-area type field (ZRBHDLX). The land share leaves out values containing 风景名胜区 and 海洋公园 (and empty ones); the 620 km² area leaves out 风景名胜区. Without it both are shown as not comparable.</source>
            <translation>自然保护地类型字段（ZRBHDLX）。占陆域比例不计类型含“风景名胜区”“海洋公园”者（及类型为空者）；620 平方千米面积不计风景名胜区。无此字段时两项均标为口径不同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Marine ecological red line (HYSTHX).</source>
            <translation>海洋生态红线（HYSTHX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Coastline (HAX) lines.</source>
            <translation>海岸线（HAX）线图层。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Coastline type field: 自然岸线 / 人工岸线.</source>
            <translation>岸线类型字段：自然岸线 / 人工岸线。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Coastline class field: 大陆岸线 / 海岛岸线 (without it every line counts as mainland).</source>
            <translation>岸线类别字段：大陆岸线 / 海岛岸线（未给出时全部按大陆岸线计）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Jiangsu's provincial ecological space control areas (STKJGKQY, 生态空间管控区域, the 生态红线区域 of 2013). The plan's 21.96 % share of the land (表1) is measured on them; without this layer the share is computed from the national red line and shown as 口径不同.</source>
            <translation>江苏省生态空间管控区域（STKJGKQY，即 2013 年起的“生态红线区域”）。规划表1 的 21.96% 占国土面积比重按此口径计算；未给出时按国家生态保护红线计算，并显示为口径不同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Coastal and near-shore wetland polygons at sea (HASD, 近海与海岸湿地). Used with the wetland resource survey definition: the part outside the land-use parcels is added to the wetland.</source>
            <translation>海域中的近海与海岸湿地图斑（HASD）。在湿地资源调查口径下使用：其位于地类图斑以外的部分计入湿地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Mariculture functional zones (海水增养殖区).</source>
            <translation>海水增养殖功能区。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Mines (points, polygons or a table), one feature per operating mine.</source>
            <translation>矿山（点、面或无图形表格），每个在采矿山一条记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Mine type field (KCKZ, 开采矿种): values containing 地热, 矿泉水 or 温泉 are geothermal / mineral-water mines, reported apart in m³; the others are solid minerals (counts, share of large and medium mines, output in tonnes). Without it every mine counts as a solid mineral.</source>
            <translation>矿种字段（KCKZ，开采矿种）：值含“地热”“矿泉水”“温泉”的为地热、矿泉水矿山，以立方米单列；其余为固体矿产（计入矿山数量、大中型矿山比例和以吨计的开采总量）。无此字段时全部按固体矿产计。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Mine scale field (大型/中型/小型).</source>
            <translation>矿山规模字段（大型/中型/小型）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Mine annual output field.</source>
            <translation>矿山年开采量字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Unit of the annual output field of solid-mineral mines.</source>
            <translation>固体矿产矿山年开采量字段的单位。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Unit of the annual output field of geothermal and mineral-water mines.</source>
            <translation>地热、矿泉水矿山年开采量字段的单位。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>The SUMMARY output of “Land-use occupation” run on the year's approved projects: its forest field gives the forest land occupied in the year (≤ 70 ha a year).</source>
            <translation>对当年批准项目运行“建设项目占用地类分析”得到的 SUMMARY 输出：其林地字段给出当年征占用林地面积（每年不超过 70 公顷）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Field of the occupation summary with the occupied forest land in m² (forest_m2).</source>
            <translation>占用汇总中占用林地面积字段，单位平方米（forest_m2）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>JSON or CSV file with targets for the indicators set by the province and manual values (e.g. tree cover from the forestry survey), in each indicator's unit. See resources/indicators/targets_example.json. A file marked illustrative (or named …example… / …illustrative…) is shown with a banner; its values are marked as examples.</source>
            <translation>JSON 或 CSV 文件，填报按上级下达的指标目标值和填报值（如林业调查的林木覆盖率），单位同各指标。参见 resources/indicators/targets_example.json。标明为示例（或文件名含 example / illustrative / 示例）的文件使用时显示提示横幅，其数值标为“示例”。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>0: the 3rd land survey wetland class (0303, 0304, 0306, 0402, 1105, 1106, 1108; 0603 salt pans with the option below) — not the plan's definition, so the wetland indicators are shown as not comparable. 1: the wetland resource survey the plan uses: that class plus 0603, 1101, 1102, 1103, 1104, 1107 (0101 paddy excluded) plus the coastal wetland layer; rated normally.</source>
            <translation>0：三调湿地类（0303、0304、0306、0402、1105、1106、1108；勾选下项时加 0603 盐田），与规划口径不同，湿地类指标标为口径不同。1：规划采用的湿地资源调查口径：上述地类加 0603、1101、1102、1103、1104、1107（不含 0101 水田），再加近海与海岸湿地图层，正常评定。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Count 0603 salt pans as wetland under the 3rd-survey definition (the survey keeps them in industrial and mining land; GB/T 21010 annex B lists them as wetland). The wetland resource survey definition always counts them.</source>
            <translation>三调口径下将 0603 盐田计入湿地（三调将其归入工矿用地；GB/T 21010 附录B 列为湿地）。湿地资源调查口径总是计入。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Year of the data assessed (shown in the results).</source>
            <translation>所评估数据的年份（写入结果）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Projected CRS in which areas and lengths are measured (default EPSG:4549).</source>
            <translation>量算面积和长度所用的投影坐标系（默认 EPSG:4549）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>One row per indicator: value, its source, target, status and, when not comparable, the difference of definitions.</source>
            <translation>每项指标一行：数值及其来源、目标、状态，口径不同时附口径差异。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>The same results as JSON (read by the indicator dashboard).</source>
            <translation>同样的结果以 JSON 保存（供指标看板读取）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>HTML report with a chart of values against targets, the indicators under another definition apart, the arithmetic and the data warnings.</source>
            <translation>HTML 报告：数值对照目标的图表，口径不同的指标单列，计算过程和数据警告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Indicators measured under another definition.</source>
            <translation>口径与规划不同的指标数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/__init__.py" />
            <source>Computing indicators…</source>
            <translation>正在计算指标…</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/inputs.py" />
            <source>The TARGETS file {path} is an example: its targets and values are illustrations, not official figures.</source>
            <translation>TARGETS 文件 {path} 为示例文件：其中目标值和填报值仅作示意，不是正式数据。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/inputs.py" />
            <source>The indicator catalogue {path} cannot be read: {error}</source>
            <translation>无法读取指标目录 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/inputs.py" />
            <source>The TARGETS file {path} cannot be used: {error}</source>
            <translation>TARGETS 文件 {path} 无法使用：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source> … ({n} more)</source>
            <translation> …（另 {n} 个）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source>{layer}: {n} pairs of features overlap ({area} m² would be counted twice); each overlap is counted once, the feature with the lower fid keeps it: {ids}</source>
            <translation>{layer}：{n} 对要素相互重叠（{area} 平方米将被重复计算）；每处重叠只计一次，归 fid 较小的要素：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source>{layer}: {n} features have a negative or non-numeric “{field}”; they are left out of the sums: {ids}</source>
            <translation>{layer}：{n} 个要素的“{field}”为负值或不是数字，未计入合计：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source>{layer}: {n} mines have no type; they are counted as solid minerals (the stricter reading): {ids}</source>
            <translation>{layer}：{n} 个矿山矿种为空，按固体矿产计（从严）：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source>{layer}: {n} protected areas have no type; they are not counted in the share of the land (the stricter reading): {ids}</source>
            <translation>{layer}：{n} 个自然保护地类型为空，不计入占陆域比例（从严）：{ids}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/issues.py" />
            <source>{layer}: {area} m² of the coastal wetland lie over land-use parcels; that part is counted once, by the parcels' land-use code.</source>
            <translation>{layer}：近海与海岸湿地有 {area} 平方米与地类图斑重叠，该部分只按图斑地类计一次。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/layers.py" />
            <source>{layer}: no parcel area field; geometry areas are used.</source>
            <translation>{layer}：无图斑地类面积字段，采用图形面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/layers.py" />
            <source>{layer}: no type field, so marine parks and scenic areas cannot be excluded; the protected-area indicators are shown as measured under another definition.</source>
            <translation>{layer}：无类型字段，无法排除海洋公园和风景名胜区；自然保护地类指标标为口径不同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/layers.py" />
            <source>{layer}: no coastline type field; no line counts as natural.</source>
            <translation>{layer}：无岸线类型字段，所有岸线均不计为自然岸线。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Parcel area field (m²)</source>
            <translation>图斑地类面积字段（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Sea function-zone type field</source>
            <translation>海洋功能区类型字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mariculture zone types</source>
            <translation>增养殖功能区类型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Permanent farmland area field (m²)</source>
            <translation>永久基本农田面积字段（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Protected-area type field</source>
            <translation>自然保护地类型字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Coastline type field</source>
            <translation>岸线类型字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Coastline class field</source>
            <translation>岸线类别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mine type field</source>
            <translation>矿种字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mine scale field</source>
            <translation>矿山规模字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mine annual output field</source>
            <translation>年开采量字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Mine output unit</source>
            <translation>开采量单位</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>tonnes per year</source>
            <translation>吨/年</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>10⁴ tonnes per year</source>
            <translation>万吨/年</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>10⁸ tonnes per year</source>
            <translation>亿吨/年</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Geothermal / mineral water output unit</source>
            <translation>地热、矿泉水开采量单位</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>m³ per year</source>
            <translation>立方米/年</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>10⁴ m³ per year</source>
            <translation>万立方米/年</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Occupied forest land field (m²)</source>
            <translation>占用林地面积字段（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicator results</source>
            <translation>指标评估结果</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicator results (JSON)</source>
            <translation>指标评估结果（JSON）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicator report</source>
            <translation>指标评估报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicators met</source>
            <translation>达标指标数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicators not met</source>
            <translation>未达标指标数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/indicator_assessment/parameters.py" />
            <source>Indicators under another definition</source>
            <translation>口径不同指标数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/encoding.py" />
            <source>Put a file {cpg} containing the single word GBK beside it to declare its encoding.</source>
            <translation>请在其旁放置一个内容仅为 GBK 的文件 {cpg}，以声明其编码。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/encoding.py" />
            <source>{layer}: a Shapefile without .cpg whose text is not UTF-8 ({n} undecodable values in a sample); it is read as GBK.</source>
            <translation>{layer}：该 Shapefile 缺少 .cpg 文件，文本不是 UTF-8（抽样中有 {n} 个值无法解码）；已按 GBK 读取。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/encoding.py" />
            <source>{layer}: {n} text values cannot be decoded (a Shapefile without .cpg); names and codes read from it are garbled.</source>
            <translation>{layer}：有 {n} 个文本值无法解码（Shapefile 缺少 .cpg）；从中读取的名称和代码为乱码。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary area field (m²)</source>
            <translation>补充面积字段（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary land-use code field</source>
            <translation>补充地类编码字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary quality grade field</source>
            <translation>补充耕地质量等别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary slope level field</source>
            <translation>补充坡度级别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary deduction coefficient field (KCXS)</source>
            <translation>补充耕地扣除系数字段（KCXS）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary group field</source>
            <translation>补充分组字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Base-year land-use code field</source>
            <translation>基期地类编码字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Base-year quality grade field</source>
            <translation>基期耕地质量等别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Grain capacity table (CSV)</source>
            <translation>粮食产能表（CSV）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied area field (m²)</source>
            <translation>占用面积字段（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied land-use code field</source>
            <translation>占用地类编码字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied quality grade field</source>
            <translation>占用耕地质量等别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied group field</source>
            <translation>占用分组字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied deduction coefficient field (KCXS)</source>
            <translation>占用扣除系数字段（KCXS）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Supplementary farmland plots (补充耕地), e.g. the BCGD layer.</source>
            <translation>补充耕地地块，例如 BCGD 图层。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional: gross area of the plots in m²; default the geometry area. A plot trimmed for overlap, or cut by the base layer, keeps the same share of this area as of its geometry. Non-numeric or negative values exclude the plot (bad_value).</source>
            <translation>可选：地块毛面积（平方米），默认用图形面积。因重叠被裁除或被基期图斑切分的地块，按图形保留比例分摊此面积。非数值或负值的地块被剔除（bad_value）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Land-use code of the plots now; plots not coded as cultivated land are excluded.</source>
            <translation>地块现状地类编码；不是耕地地类的地块被剔除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Quality grade (1–15) of the plots now; plots without a grade are excluded.</source>
            <translation>地块现状耕地质量等别（1–15）；没有等别的地块被剔除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Slope level (GDPDJB, 1–5); plots above the maximum level are excluded. Empty values are not checked.</source>
            <translation>坡度级别（GDPDJB，1–5）；高于最大级别的地块将被剔除。空值不检查。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Deduction coefficient for field ridges (KCXS) of the plots: every credit is net, area × (1 − KCXS). The unit is decided per layer (all values ≤ 1: fractions; any value &gt; 1: percent). 0 when the layer has no such field; an unreadable value excludes the plot.</source>
            <translation>地块田坎扣除系数（KCXS）：所有认定均为净面积，面积 ×（1 − KCXS）。单位按图层判定（全部 ≤ 1 为小数；任一值 &gt; 1 为百分数）。图层无此字段时为 0；无法读取的值使地块被剔除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional: group of each plot; its values must match the occupied groups.</source>
            <translation>可选：地块所属分组；取值须与被占用耕地的分组一致。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional base-year land use (三调 / 年度变更调查 DLTB before the supplementary works, e.g. DLTB_JQ). Each plot is cut by it: only land that was not farmland counts as new quantity, 旱改水 as paddy and capacity gain, 提质改造 as capacity gain; forest, wetland, rivers, lakes and reservoirs, or land outside the layer, exclude the plot. Without it newness is not verified.</source>
            <translation>可选：基期地类图斑（补充耕地项目实施前的三调或年度变更调查 DLTB，如 DLTB_JQ）。每个地块按其切分：只有基期不是耕地的土地计为新增数量，旱改水计水田和增产，提质改造计增产；位于林地、湿地、河流、湖泊、水库或图层之外的地块被剔除。不提供时不核验是否新增。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Land-use code (DLBM) of the base-year parcels.</source>
            <translation>基期图斑的地类编码（DLBM）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Quality grade of the base-year parcels, needed for capacity gains of 旱改水 and 提质改造 (without it the gain is 0).</source>
            <translation>基期图斑的耕地质量等别，旱改水和提质改造的增产需要它（缺少时增产为 0）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>CSV of the base land uses that may become new farmland (code,class,name_zh,basis,judgement); default: the plugin's resources/rules/farmland_sources.csv.</source>
            <translation>可开垦为新增耕地的基期地类规则 CSV（code,class,name_zh,basis,judgement）；默认为插件的 resources/rules/farmland_sources.csv。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional ecological protection red line; plots in it are excluded.</source>
            <translation>可选：生态保护红线；位于其中的地块将被剔除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional protected areas; plots in them are excluded.</source>
            <translation>可选：自然保护地；位于其中的地块将被剔除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Highest admissible slope level of a supplementary plot (default 4; level 5 is steeper than 25°).</source>
            <translation>补充耕地允许的最高坡度级别（默认 4 级；5 级为坡度大于 25°）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Overlaps smaller than this (m²) are slivers and ignored: with the red line and protected areas, between plots, and refused or uncovered base land.</source>
            <translation>小于此值（平方米）的重叠视为碎片并忽略：与红线和自然保护地的重叠、地块之间的重叠，以及不予认定或未覆盖的基期土地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>CSV with the header grade,kg_per_mu (UTF-8 or GBK): standard grain capacity per 亩 of each quality grade. Default: the bundled ILLUSTRATIVE table — replace it by the provincial one for a real verification.</source>
            <translation>表头为 grade,kg_per_mu 的 CSV（UTF-8 或 GBK）：各质量等别每亩标准粮食产能。默认为插件自带的示意性产能表——正式核验前请替换为省级产能表。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Occupied farmland polygons, e.g. FARMLAND_PIECES of landuse_occupation. Pieces not coded as cultivated land (01xx) are skipped with a warning.</source>
            <translation>被占用耕地图斑，例如 landuse_occupation 输出的 FARMLAND_PIECES。非耕地（01xx 以外）图斑将被跳过并给出警告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Net occupied area in m² (default net_m2). When the layer has no such field, the geometry area × (1 − KCXS) is used. Non-numeric or negative values are refused.</source>
            <translation>被占用耕地净面积（平方米，默认 net_m2）。图层无此字段时用图形面积 ×（1 − KCXS）。非数值或负值将被拒绝。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Land-use code (DLBM) of the occupied pieces.</source>
            <translation>被占用图斑的地类编码（DLBM）字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Quality grade (GDDB, 1–15, 1 best) of the occupied pieces; required on every occupied farmland piece.</source>
            <translation>被占用图斑的耕地质量等别（GDDB，1–15，1 等最好）；每个被占用耕地图斑都必须有等别。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Optional: balance per value of this field (project id or county code). Give the matching supplementary field too.</source>
            <translation>可选：按该字段的取值分组核验（项目编号或县区代码）。须同时给出补充耕地的对应字段。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland.py" />
            <source>Deduction coefficient for field ridges (KCXS) used when the area comes from the geometry; unit decided per layer (fractions, or percent when any value &gt; 1).</source>
            <translation>面积取自图形时使用的田坎扣除系数（KCXS）；单位按图层判定（小数，或任一值 &gt; 1 时为百分数）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table} not found.</source>
            <translation>未找到产能表 {table}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table} has no rows (expected the header grade,kg_per_mu and one row per grade).</source>
            <translation>产能表 {table} 没有数据行（应有表头 grade,kg_per_mu，每个等别一行）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table} must have the header grade,kg_per_mu (found: {header}).</source>
            <translation>产能表 {table} 的表头必须为 grade,kg_per_mu（实际为：{header}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table}, data row {row}: grade and kg_per_mu must be numbers and kg_per_mu positive ({text}).</source>
            <translation>产能表 {table} 第 {row} 个数据行：grade 和 kg_per_mu 必须为数值，且 kg_per_mu 为正数（{text}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table}, data row {row}: grade {grade} is not an integer from 1 to 15.</source>
            <translation>产能表 {table} 第 {row} 个数据行：等别 {grade} 不是 1 至 15 的整数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table}: grade {grade} appears more than once.</source>
            <translation>产能表 {table}：等别 {grade} 出现了不止一次。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table} has no capacity for grade(s) {grades}, which the data uses.</source>
            <translation>产能表 {table} 缺少数据所用等别 {grades} 的产能。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Layer {layer}: field “{field}” must hold quality grades from 1 to 15; {n} bad value(s) (fid: value): {values}.</source>
            <translation>图层 {layer}：字段“{field}”必须为 1 至 15 的耕地质量等别；共有 {n} 个错误值（fid: 值）：{values}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Layer {layer}: {n} occupied farmland piece(s) have no quality grade in field “{field}” (fids {fids}); the balance cannot be verified without it.</source>
            <translation>图层 {layer}：{n} 个被占用耕地图斑在字段“{field}”中没有耕地质量等别（fid {fids}）；缺少等别无法核验占补平衡。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Layer {layer}: {n} piece(s) have no land-use code (fids {fids}).</source>
            <translation>图层 {layer}：{n} 个图斑没有地类编码（fid {fids}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Layer {layer}: field “{field}” holds {n} non-numeric or negative area(s) (fid: value): {values}. They would lower what must be made good; correct them.</source>
            <translation>图层 {layer}：字段“{field}”有 {n} 个非数值或负值面积（fid: 值）：{values}。它们会减少应补充的耕地，请更正。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Capacity table {table} cannot be read: {error}</source>
            <translation>无法读取产能表 {table}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Source land-use rules {table} cannot be read: {error}</source>
            <translation>无法读取来源地类规则 {table}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Source land-use rules {table} must have the header code,class,name_zh,basis,judgement.</source>
            <translation>来源地类规则 {table} 的表头必须为 code,class,name_zh,basis,judgement。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_messages.py" />
            <source>Source land-use rules {table}, row {row}: a land-use code (or two-digit prefix) given once, and a class farmland, new or refused, are needed ({text}).</source>
            <translation>来源地类规则 {table} 第 {row} 行：需要只出现一次的地类编码（或两位前缀），以及类别 farmland、new 或 refused（{text}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>No slope level field: the slope limit is not checked.</source>
            <translation>没有坡度级别字段：不检查坡度限制。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>{layer} has no quality grade field: 旱改水 and 提质改造 gain no capacity.</source>
            <translation>{layer} 没有耕地质量等别字段：旱改水和提质改造不计增产。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>Using the bundled ILLUSTRATIVE grain capacity table {path}; replace it by the provincial table for a real verification.</source>
            <translation>正在使用插件自带的示意性粮食产能表 {path}；正式核验前请替换为省级产能表。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>The capacity table gives a better grade (lower number) a lower capacity somewhere; check {path}.</source>
            <translation>产能表中存在较优等别（数字较小）产能反而较低的情况，请检查 {path}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>percent (a value &gt; 1 was found; every value is divided by 100)</source>
            <translation>百分数（存在大于 1 的值；所有值除以 100）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>fractions (every value ≤ 1)</source>
            <translation>小数（所有值 ≤ 1）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>not given (0)</source>
            <translation>未提供（按 0 计）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/farmland_read.py" />
            <source>Newness NOT verified (no base-year land use given): every credited plot counts as new farmland. Give BASE_LANDUSE to detect land that was already farmland.</source>
            <translation>未核验是否新增（未提供基期地类图斑）：所有认定的地块均按新增耕地计。请提供 BASE_LANDUSE 以识别基期已是耕地的土地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/guards.py" />
            <source>The output {output} would overwrite {file}, which the input {input} is read from (every other layer in it would be lost). Choose another file.</source>
            <translation>输出“{output}”会覆盖输入“{input}”所在的文件 {file}（其中其他图层将全部丢失）。请另选文件。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/guards.py" />
            <source>{output}: cannot write {path} (the folder is missing or not writable).</source>
            <translation>{output}：无法写入 {path}（文件夹不存在或不可写）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/guards.py" />
            <source>{output}: a Shapefile keeps field names of at most 10 ASCII characters; {fields} would be cut or garbled. Write it as a GeoPackage (.gpkg) instead.</source>
            <translation>{output}：Shapefile 字段名最多 10 个 ASCII 字符，{fields} 会被截断或变为乱码。请改为输出 GeoPackage（.gpkg）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/guards.py" />
            <source>{output}: the text of field {field} is longer than a Shapefile keeps (254 bytes) and would be cut. Write it as a GeoPackage (.gpkg) instead.</source>
            <translation>{output}：字段 {field} 的文本超过 Shapefile 可保存的长度（254 字节），将被截断。请改为输出 GeoPackage（.gpkg）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/guards.py" />
            <source>{path} has no geometry: it is written as the table {dbf}.</source>
            <translation>{path} 没有几何：已写为表格 {dbf}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/layers.py" />
            <source>Layer {layer} has no coordinate reference system (e.g. a Shapefile without its .prj file), so its coordinates cannot be placed. Set its CRS in QGIS (Layer Properties ▸ Source ▸ Assigned Coordinate Reference System, or the algorithm “Assign projection”), or add the .prj file, then run again.</source>
            <translation>图层 {layer} 没有坐标参考系（例如缺少 .prj 文件的 Shapefile），无法确定其坐标位置。请在 QGIS 中设置其坐标系（图层属性 ▸ 源 ▸ 指定的坐标参考系，或使用“指定投影”算法），或补上 .prj 文件后重新运行。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/layers.py" />
            <source>Layer {layer} has no field “{field}” (fields: {fields}).</source>
            <translation>图层 {layer} 缺少字段“{field}”（现有字段：{fields}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/layers.py" />
            <source>Layer {layer} must contain {expected} geometries, not {found}.</source>
            <translation>图层 {layer} 应为{expected}几何，而不是{found}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Quota ledger (GeoPackage)</source>
            <translation>补充耕地指标台账（GeoPackage）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Operator (经办人)</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Give the ledger file (LEDGER).</source>
            <translation>请指定台账文件（LEDGER）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>farmland quantity</source>
            <translation>耕地数量</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>paddy area</source>
            <translation>水田面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>grain capacity</source>
            <translation>粮食产能</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>{t} t</source>
            <translation>{t} 吨</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>The ledger {path} does not exist; create it by crediting supplementary farmland (ledger_credit).</source>
            <translation>台账 {path} 不存在；请先通过补充耕地指标入库（ledger_credit）创建。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>{path} is not a 补充耕地指标台账 (ledger) of this plugin; choose a ledger file or a new file name.</source>
            <translation>{path} 不是本插件的补充耕地指标台账；请选择台账文件或新的文件名。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>The ledger {path} has schema version {version}, newer than this plugin reads ({supported}); update the plugin.</source>
            <translation>台账 {path} 的结构版本为 {version}，高于本插件可读取的版本（{supported}）；请更新插件。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>The ledger {path} cannot be opened: {error}</source>
            <translation>无法打开台账 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>The ledger {path} is in use by another run and stayed locked ({error}); try again.</source>
            <translation>台账 {path} 正被另一次运行使用并保持锁定（{error}）；请稍后重试。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>No plot adds any quota (指标): nothing is credited.</source>
            <translation>没有地块形成指标：未入库任何内容。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Layer {layer}: {n} credited plot(s) have no project code or county (fids {fids}); the ledger needs both.</source>
            <translation>图层 {layer}：{n} 个可入库地块缺少项目编号或所属县（区）（fid {fids}）；台账需要二者。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Layer {layer}: project {project} has plots in two counties ({counties}); a project's quota belongs to one county.</source>
            <translation>图层 {layer}：项目 {project} 的地块分属两个县（区）（{counties}）；一个项目的指标只能属于一个县（区）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Refused, nothing written: project(s) {projects} are already credited in the ledger.</source>
            <translation>已拒绝，未写入任何记录：项目 {projects} 已在台账中入库。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Refused, nothing written: {n} plot(s) overlap land already credited in the ledger (plot fid ↔ ledger project #plot): {clashes}.</source>
            <translation>已拒绝，未写入任何记录：{n} 个地块与台账中已入库的土地重叠（地块 fid ↔ 台账项目 #地块）：{clashes}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Refused, nothing written: project {project} is already debited in the ledger.</source>
            <translation>已拒绝，未写入任何记录：项目 {project} 已在台账中核销。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Refused, nothing written: the quota of {county} is short of {short}.</source>
            <translation>已拒绝，未写入任何记录：{county} 的指标不足：{short}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>Refused, nothing written: paying county {source} differs from the occupying county {county} (跨区域调剂); set ALLOW_TRANSFER to record a transfer.</source>
            <translation>已拒绝，未写入任何记录：出指标的县（区）{source} 与占用耕地的县（区）{county} 不同（跨区域调剂）；如需记录调剂，请设置 ALLOW_TRANSFER。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>{county}: quantity {q}, paddy {p}, capacity {c} t available.</source>
            <translation>{county}：可用耕地数量 {q}，水田 {p}，粮食产能 {c} 吨。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>quota used up</source>
            <translation>指标已用尽</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>quota available</source>
            <translation>指标有余</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/ledger.py" />
            <source>paddy {p} ha, capacity {c} t</source>
            <translation>水田 {p} 公顷，产能 {c} 吨</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Supplementary farmland quota ledger report</source>
            <translation>补充耕地指标台账</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/projects.py" />
            <source>{layer}: {n} projects have no value in {field} (feature ids {fids}).</source>
            <translation>{layer}：有 {n} 个项目的 {field} 为空（要素编号 {fids}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/projects.py" />
            <source>{layer}: {n} ids of {field} stand for more than one project ({ids}); their results cannot be told apart by id.</source>
            <translation>{layer}：{field} 中有 {n} 个编号对应多个项目（{ids}）；其结果无法按编号区分。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/projects.py" />
            <source>{layer}: skipped {n} features whose geometry has no area after repair.</source>
            <translation>{layer}：跳过 {n} 个修复后无面积的要素。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/read.py" />
            <source>{layer}: repaired {n} invalid geometries (make valid).</source>
            <translation>{layer}：已修复 {n} 个无效几何（make valid）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/read.py" />
            <source>{layer}: skipped {n} features with empty or null geometry.</source>
            <translation>{layer}：跳过 {n} 个空几何要素。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/write.py" />
            <source>{layer}: field “{field}” is replaced by the result field of the same name.</source>
            <translation>{layer}：字段“{field}”被同名结果字段替换。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/io/write.py" />
            <source>Could not write a feature to the output.</source>
            <translation>无法将要素写入输出。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Land-use occupation analysis</source>
            <translation>占用地类分析</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Intersects proposed projects with the land-use parcels of the third national land survey (DLTB) and reports, per project and land-use code, the gross area and the net area (gross × (1 − KCXS)), a summary per project by first-level class and by the three classes of the Land Administration Law (agricultural, construction, unused land), the cultivated land inside and outside permanent basic farmland, and the occupied cultivated-land pieces with grade and slope, ready for the farmland balance check. Overlapping parcels are counted once.</source>
            <translation>将拟建项目与第三次全国国土调查地类图斑（DLTB）叠加，逐项目、逐地类编码统计毛面积和净面积（毛面积 ×（1 − KCXS）），按一级地类和《土地管理法》三大类（农用地、建设用地、未利用地）逐项目汇总，统计占用耕地中永久基本农田和一般耕地的面积，并输出带等别和坡度级别的占用耕地图斑，可直接用于耕地占补平衡核验。相互重叠的图斑只计算一次。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/maps.py" />
            <source>Construction projects</source>
            <translation>建设项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project name field</source>
            <translation>项目名称字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Deduction coefficient field</source>
            <translation>扣除系数字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Farmland grade field</source>
            <translation>耕地等别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Farmland slope class field</source>
            <translation>耕地坡度级别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Official net area field</source>
            <translation>图斑地类面积字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Count salt pans as wetland</source>
            <translation>盐田计为湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Occupation by land-use code</source>
            <translation>分地类占用面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Occupation summary per project</source>
            <translation>项目占地汇总</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Occupied cultivated land</source>
            <translation>所占耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Occupation report</source>
            <translation>占用地类分析报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Number of projects</source>
            <translation>项目数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/__init__.py" />
            <source>Occupied cultivated land (m²)</source>
            <translation>占用耕地面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Proposed project polygons (any CRS), e.g. the JSXM layer.</source>
            <translation>拟建项目用地范围面（任意坐标系），如 JSXM 图层。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Field that identifies a project (default XMBH; the feature id when the layer has no such field).</source>
            <translation>标识项目的字段（默认 XMBH；图层无此字段时使用要素编号）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Project name (default XMMC), carried into the table, the summary, the report and the check-results dock.</source>
            <translation>项目名称字段（默认 XMMC），写入明细表、汇总、报告和检查结果面板。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Land-use code field (DLBM).</source>
            <translation>地类编码字段（DLBM）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Deduction coefficient field (KCXS); net area = gross × (1 − KCXS). The unit is decided per layer: all values ≤ 1 are fractions, any value above 1 makes the layer percent-coded. Skipped when the layer has no such field.</source>
            <translation>扣除系数字段（KCXS）；净面积 = 毛面积 ×（1 − KCXS）。单位按整个图层判定：全部取值 ≤ 1 视为小数，只要有大于 1 的取值即按百分数读取。图层无此字段时不扣除。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Optional: the parcels' official net area (TBDLMJ, m²); given, a piece's net area is its parcel's TBDLMJ × the piece's share of the parcel. Parcels with a missing, negative or unreadable value fall back to the geometry (warned, by parcel id).</source>
            <translation>可选：图斑地类面积（TBDLMJ，平方米）；指定后，占用部分的净面积 = 所在图斑的 TBDLMJ × 占用部分占该图斑的比例。取值缺失、为负或无法识别的图斑改按几何面积计算（按图斑标识码给出警告）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Cultivated-land quality grade field (GDDB).</source>
            <translation>耕地质量等别字段（GDDB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Cultivated-land slope class field (GDPDJB).</source>
            <translation>耕地坡度级别字段（GDPDJB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Optional: permanent basic farmland (YJJBNTBHTB); gives the occupied cultivated land inside it (gd_jbnt_m2) and outside it (gd_yb_m2).</source>
            <translation>可选：永久基本农田（YJJBNTBHTB）；据此统计占用耕地中位于永久基本农田内（gd_jbnt_m2）和以外（gd_yb_m2）的面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Count salt pans (0603) as wetland.</source>
            <translation>将盐田（0603）计为湿地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Planar areas in the analysis CRS, or ellipsoidal areas on the CGCS2000 ellipsoid (as official survey areas are).</source>
            <translation>按分析坐标系计算平面面积，或按 CGCS2000 椭球计算椭球面积（与国土调查官方面积口径一致）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Projected CRS in which the overlay is computed.</source>
            <translation>进行叠加分析的投影坐标系。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Table: one row per project and land-use code.</source>
            <translation>表：每个项目每个地类编码一行。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>One feature per project with the occupied area per class, the three classes of the Land Administration Law (农用地 / 建设用地 / 未利用地) and the farmland split.</source>
            <translation>逐项目输出一个要素，含各一级地类占用面积、《土地管理法》三大类（农用地 / 建设用地 / 未利用地）面积及耕地中永久基本农田与一般耕地的面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>The occupied cultivated-land pieces (input of the farmland balance check).</source>
            <translation>所占耕地图斑（耕地占补平衡核验的输入）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>HTML report of the occupation: totals by class, a table per project, occupied cultivated land and a map.</source>
            <translation>占用地类分析 HTML 报告：分地类汇总、逐项目明细表、占用耕地情况及示意图。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Printable 审查意见书 (PDF): a cover with the totals, then one page per project with its map, the occupied land by class in 公顷 and 亩 and an empty block for 审查单位 / 审查人 / 审查意见 / 日期.</source>
            <translation>可打印的审查意见书（PDF）：封面为合计，其后每个项目一页，含地图、按地类以公顷和亩计的占用面积，以及留空待填的审查单位 / 审查人 / 审查意见 / 日期栏。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Number of projects analysed.</source>
            <translation>已分析的项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/help.py" />
            <source>Total occupied cultivated land (net, m²).</source>
            <translation>占用耕地总面积（净面积，平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/outputs.py" />
            <source>{output}: a Shapefile cannot keep the field project_name; it is left out (write a GeoPackage to keep it).</source>
            <translation>{output}：Shapefile 无法保存字段 project_name，已省略该字段（如需保留，请输出为 GeoPackage）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/outputs.py" />
            <source>{n} projects occupy {pieces} parcel pieces; cultivated land (net): {farm}.</source>
            <translation>{n} 个项目共占用 {pieces} 个图斑碎块；占用耕地（净面积）：{farm}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/parcels.py" />
            <source>{layer}: {field} is read as a percentage (the layer has values above 1): net area = gross × (1 − {field} / 100).</source>
            <translation>{layer}：{field} 按百分数读取（图层中有大于 1 的取值）：净面积 = 毛面积 ×（1 − {field} / 100）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/parcels.py" />
            <source>{layer}: {field} is read as a fraction (no value above 1): net area = gross × (1 − {field}).</source>
            <translation>{layer}：{field} 按小数读取（图层中没有大于 1 的取值）：净面积 = 毛面积 ×（1 − {field}）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/parcels.py" />
            <source>{layer}: {n} parcels under the projects have a {field} that is negative, out of range or not a number; it counts as 0 (net = gross): {ids}.</source>
            <translation>{layer}：项目范围内有 {n} 个图斑的 {field} 为负、超出范围或不是数字，按 0 计（净面积 = 毛面积）：{ids}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/parcels.py" />
            <source>{layer}: {n} parcels under the projects have a {field} that is negative or not a number; their net area comes from the geometry instead: {ids}.</source>
            <translation>{layer}：项目范围内有 {n} 个图斑的 {field} 为负或不是数字，改按几何面积计算净面积：{ids}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/parcels.py" />
            <source>{layer}: parcels overlap under the projects ({n} overlaps, {area} in all: {pairs}); each overlap is counted once (the parcel with the lower feature id keeps it).</source>
            <translation>{layer}：项目范围内存在相互重叠的图斑（{n} 处重叠，共 {area}：{pairs}）；重叠部分只计算一次（归要素编号较小的图斑）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>no KCXS field: net area = gross area</source>
            <translation>无扣除系数字段：净面积 = 毛面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>feature id</source>
            <translation>要素编号</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>not used</source>
            <translation>未使用</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>KCXS handling</source>
            <translation>扣除系数（KCXS）处理</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Salt pans (0603) counted as wetland</source>
            <translation>盐田（0603）计入湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Totals by first-level class</source>
            <translation>按一级地类汇总</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>{n} projects occupy {pieces} parcel pieces.</source>
            <translation>{n} 个项目共占用 {pieces} 个图斑碎片。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Gross area</source>
            <translation>毛面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Net area</source>
            <translation>净面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Share of net area</source>
            <translation>占净面积比例</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Cultivated land (net)</source>
            <translation>耕地（净面积）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>In permanent basic farmland</source>
            <translation>其中永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Ordinary cultivated land</source>
            <translation>一般耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Of which paddy (net)</source>
            <translation>其中水田（净面积）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Area-weighted grade</source>
            <translation>面积加权平均等别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Agricultural, construction and unused land</source>
            <translation>农用地、建设用地和未利用地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>of which cultivated land</source>
            <translation>其中：耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>of which in permanent basic farmland</source>
            <translation>耕地中：永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>of which ordinary cultivated land</source>
            <translation>耕地中：一般耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Unknown code</source>
            <translation>地类未知</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Total (net)</source>
            <translation>合计（净面积）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Deducted (KCXS)</source>
            <translation>扣除面积（KCXS）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Total (gross)</source>
            <translation>合计（毛面积）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Net areas as in the other tables; the deducted area (KCXS: field ridges 1203 and the like) belongs to 农用地 in GB/T 21010-2017 附录A.</source>
            <translation>面积口径与其他表一致，为净面积；扣除面积（KCXS：田坎 1203 等）按 GB/T 21010-2017 附录A 属于农用地。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Occupation per project</source>
            <translation>逐项目占用地类</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Project {project}: gross {gross}, net {net}</source>
            <translation>项目 {project}：毛面积 {gross}，净面积 {net}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Land-use code</source>
            <translation>地类编码</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Land-use name</source>
            <translation>地类名称</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/run.py" />
            <source>(none)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Land-use occupation report</source>
            <translation>占用地类分析报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/report.py" />
            <source>Projects (labelled outlines) over the occupied parcels (pale) and the occupied pieces, coloured by first-level class in the colours of the third national land survey.</source>
            <translation>项目范围（带标注的轮廓）叠加被占用的地类图斑（浅色）及占用部分，按一级地类以三调配色显示。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/run.py" />
            <source>Unknown land-use codes counted under 未知: {codes}</source>
            <translation>未知地类编码已计入“未知”：{codes}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/run.py" />
            <source>{layer}: {n} cultivated-land parcels under the projects have a {field} that is not a grade; they are left out of the weighted grade: {ids}.</source>
            <translation>{layer}：项目范围内有 {n} 个耕地图斑的 {field} 不是有效等别，未计入加权平均等别：{ids}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/run.py" />
            <source>{layer}: {n} of {total} parcels lie near a project and are read.</source>
            <translation>{layer}：{total} 个图斑中有 {n} 个位于项目附近，仅读取这些图斑。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/sheet.py" />
            <source>Projects occupying cultivated land</source>
            <translation>占用耕地的项目数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/landuse_occupation/sheet.py" />
            <source>Land-use occupation review sheet of construction projects</source>
            <translation>建设项目占用地类审查意见书</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Credit supplementary farmland quota</source>
            <translation>补充耕地指标入库</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Records the quota (补充耕地指标: quantity, paddy, grain capacity) that accepted supplementary farmland adds, per project and county, in the append-only ledger. Each plot is credited by the rules of the farmland balance (only new land counts as quantity; 旱改水 and 提质改造 add paddy and capacity; net of field ridges). A project credited before, or a plot on land already in the ledger, is refused and nothing is written.</source>
            <translation>将验收合格的补充耕地形成的指标（数量、水田、粮食产能）按项目和县（区）记入只增不改的台账。每个地块按占补平衡核验的规则认定（只有新增土地计数量；旱改水和提质改造计水田和产能；扣除田坎）。已入库的项目或与台账中已有土地重叠的地块将被拒绝，不写入任何记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>County field (owner of the quota)</source>
            <translation>所属县（区）字段（指标归属）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Supplementary project code field</source>
            <translation>补充耕地项目编号字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Note (e.g. acceptance document)</source>
            <translation>备注（如验收文号）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Credited plots</source>
            <translation>入库地块</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Number of projects credited</source>
            <translation>入库项目数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Number of plots credited</source>
            <translation>入库地块数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Quantity credited (m²)</source>
            <translation>入库耕地数量（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Paddy credited (m²)</source>
            <translation>入库水田面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/__init__.py" />
            <source>Grain capacity credited (kg)</source>
            <translation>入库粮食产能（千克）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>The quota ledger, a GeoPackage (.gpkg); created when the file does not exist. A file that is not a ledger, or of a newer version, is refused.</source>
            <translation>补充耕地指标台账（GeoPackage，.gpkg）；文件不存在时新建。不是台账或版本更新的文件将被拒绝。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>County (行政区划代码, e.g. XZQDM) that owns the quota of each plot; all plots of a project must have the same.</source>
            <translation>各地块指标所属的县（区）（行政区划代码，如 XZQDM）；同一项目的所有地块必须相同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Code of the supplementary farmland project (补充耕地项目编号, e.g. XMBH); one ledger entry per project. A project already credited is refused.</source>
            <translation>补充耕地项目编号（如 XMBH）；每个项目一条台账记录。已入库的项目将被拒绝。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Planar areas in the ledger's CRS, or ellipsoidal areas on the CGCS2000 ellipsoid.</source>
            <translation>台账坐标系下的平面面积，或 CGCS2000 椭球面积。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>CRS of a new ledger (default EPSG:4549); an existing ledger keeps its own CRS.</source>
            <translation>新台账的坐标系（默认 EPSG:4549）；已有台账沿用其坐标系。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Who records the credit (经办人); default the login name.</source>
            <translation>入库经办人；默认为登录用户名。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Optional note kept with the entries, e.g. the acceptance document number.</source>
            <translation>可选：随记录保存的备注，如验收文号。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>The credited land of each plot with its project, county and credited quota.</source>
            <translation>各地块入库的土地及其项目、所属县（区）和入库指标。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Number of projects credited.</source>
            <translation>入库项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Number of plots credited.</source>
            <translation>入库地块数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Net new farmland quantity credited (m²).</source>
            <translation>入库的净新增耕地数量（平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Paddy credited (m²): new paddy and 旱改水.</source>
            <translation>入库水田面积（平方米）：新增水田和旱改水。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/help.py" />
            <source>Standard grain capacity credited (kg).</source>
            <translation>入库标准粮食产能（千克）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/inputs.py" />
            <source>Ledger {path}: geometries are compared in its CRS {crs}.</source>
            <translation>台账 {path}：在其坐标系 {crs} 下比较图形。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/inputs.py" />
            <source>Ledger {path} does not exist yet: it is created in {crs}.</source>
            <translation>台账 {path} 尚不存在：将以 {crs} 新建。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/outputs.py" />
            <source>{n} plot(s) credit nothing (excluded): fids {fids}.</source>
            <translation>{n} 个地块不形成指标（被剔除）：fid {fids}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_credit/outputs.py" />
            <source>Credited {project} to {county}: quantity {q}, paddy {p}, capacity {c} t.</source>
            <translation>{project} 已入库至 {county}：耕地数量 {q}，水田 {p}，粮食产能 {c} 吨。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/names.py" />
            <source>Debit occupied farmland quota</source>
            <translation>占用耕地指标核销</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Debits the quota (指标) a construction project's occupied farmland uses — net area, paddy area and grain capacity — from its county, or from another county as a recorded cross-county transfer (跨区域调剂) when allowed. Refused, with nothing written, when any of the three balances is short or the project was debited before.</source>
            <translation>从建设项目所在县（区）核销其占用耕地所需的指标——净面积、水田面积和粮食产能；允许时也可由其他县（区）出指标，记为跨区域调剂。任一指标余额不足或项目已核销时拒绝，不写入任何记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Occupying project id</source>
            <translation>占用耕地的项目编号</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Occupying county</source>
            <translation>占用耕地所在县（区）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Paying county (default: the occupying county)</source>
            <translation>出指标的县（区）（默认为占用所在县（区））</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Allow a cross-county transfer (跨区域调剂)</source>
            <translation>允许跨区域调剂</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Entry kind</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Quantity debited (m²)</source>
            <translation>核销耕地数量（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Paddy debited (m²)</source>
            <translation>核销水田面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Grain capacity debited (kg)</source>
            <translation>核销粮食产能（千克）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Quantity still available (m²)</source>
            <translation>剩余耕地数量（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Paddy still available (m²)</source>
            <translation>剩余水田面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/__init__.py" />
            <source>Grain capacity still available (kg)</source>
            <translation>剩余粮食产能（千克）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>The quota ledger (.gpkg) written by ledger_credit; it must exist.</source>
            <translation>由补充耕地指标入库（ledger_credit）写入的台账（.gpkg）；必须已存在。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Optional: the project field of the occupied layer (e.g. project_id of FARMLAND_PIECES); only pieces whose value is PROJECT_ID are debited. Without it every piece of the layer (or of its selection) belongs to the project.</source>
            <translation>可选：被占用耕地图层的项目字段（如 FARMLAND_PIECES 的 project_id）；只核销其值等于 PROJECT_ID 的图斑。不指定时图层（或其选中部分）的所有图斑都属于该项目。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Id of the occupying construction project; a project is debited at most once.</source>
            <translation>占用耕地的建设项目编号；一个项目只能核销一次。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>County (行政区划代码) where the project occupies farmland.</source>
            <translation>项目占用耕地所在的县（区）（行政区划代码）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>County whose quota pays (default: COUNTY). Another county is a cross-county transfer (跨区域调剂), refused unless ALLOW_TRANSFER is set.</source>
            <translation>出指标的县（区）（默认为 COUNTY）。其他县（区）出指标为跨区域调剂，未设置 ALLOW_TRANSFER 时拒绝。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Allow SOURCE_COUNTY to differ from COUNTY; the debit is then recorded as a transfer.</source>
            <translation>允许 SOURCE_COUNTY 与 COUNTY 不同；此时核销记为跨区域调剂。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Planar areas in the ledger's CRS, or ellipsoidal areas on the CGCS2000 ellipsoid (used when the area comes from the geometry).</source>
            <translation>台账坐标系下的平面面积，或 CGCS2000 椭球面积（面积取自图形时使用）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Who records the debit (经办人); default the login name.</source>
            <translation>核销经办人；默认为登录用户名。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Optional note kept with the entry, e.g. the approval document number.</source>
            <translation>可选：随记录保存的备注，如批准文号。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>debit, or transfer when another county pays.</source>
            <translation>debit（核销），其他县（区）出指标时为 transfer（跨区域调剂）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Net occupied farmland debited (m²).</source>
            <translation>核销的被占用耕地净面积（平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Occupied paddy (0101) debited (m²).</source>
            <translation>核销的被占用水田（0101）面积（平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Grain capacity of the occupied farmland debited (kg).</source>
            <translation>核销的被占用耕地粮食产能（千克）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Quantity the paying county still holds after the debit (m²).</source>
            <translation>核销后出指标县（区）剩余的耕地数量（平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Paddy the paying county still holds (m²).</source>
            <translation>出指标县（区）剩余的水田面积（平方米）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/help.py" />
            <source>Grain capacity the paying county still holds (kg).</source>
            <translation>出指标县（区）剩余的粮食产能（千克）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/inputs.py" />
            <source>Give the occupying project (PROJECT_ID) and its county (COUNTY).</source>
            <translation>请指定占用耕地的项目（PROJECT_ID）及其所在县（区）（COUNTY）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/inputs.py" />
            <source>{layer}: no piece has {field} = {project}.</source>
            <translation>{layer}：没有 {field} = {project} 的图斑。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/inputs.py" />
            <source>{layer}: {n} of {m} pieces belong to {project}.</source>
            <translation>{layer}：{m} 个图斑中有 {n} 个属于 {project}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/run.py" />
            <source>{layer}: {n} piece(s) are not cultivated land and use no quota.</source>
            <translation>{layer}：{n} 个图斑不是耕地，不占用指标。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_debit/run.py" />
            <source>{kind} {project}: quantity {q}, paddy {p}, capacity {c} t from {source}.</source>
            <translation>{kind} {project}：耕地数量 {q}，水田 {p}，粮食产能 {c} 吨，由 {source} 出指标。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>The balances of the supplementary farmland quota ledger per county (credited, debited and available quantity, paddy and grain capacity), every entry with its operator, time and the digest of its inputs, and an integrity check of the history.</source>
            <translation>补充耕地指标台账各县（区）余额（入库、核销和可用的耕地数量、水田和粮食产能），每条记录的经办人、时间和输入摘要，以及历史记录完整性校验。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>The quota ledger (.gpkg) written by ledger_credit and ledger_debit.</source>
            <translation>由指标入库（ledger_credit）和核销（ledger_debit）写入的台账（.gpkg）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>One row per county: county, credited_m2, debited_m2, and the quantity_m2, paddy_m2 and capacity_kg available now (with the credited and debited paddy and capacity, transfers and entry counts).</source>
            <translation>每个县（区）一行：county、credited_m2、debited_m2，以及当前可用的 quantity_m2、paddy_m2 和 capacity_kg（并含入库和核销的水田与产能、调剂和记录数）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Every entry: time, user, kind (credit, debit, transfer), project, counties, the three amounts and the digest of the inputs.</source>
            <translation>每条记录：时间、经办人、类型（入库、核销、调剂）、项目、县（区）、三项指标数量和输入摘要。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>HTML report: balances in 公顷/亩/吨, transfers, every entry, integrity and a map (created by default).</source>
            <translation>HTML 报告：以公顷/亩/吨表示的余额、跨区域调剂、全部记录、完整性和地图（默认生成）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of counties in the ledger.</source>
            <translation>台账中的县（区）数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of entries.</source>
            <translation>记录数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of entries changed outside the plugin (0 when intact).</source>
            <translation>在插件之外被改动的记录数（完整时为 0）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Quota balances per county</source>
            <translation>各县（区）指标余额</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Ledger entries</source>
            <translation>台账记录</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Ledger report</source>
            <translation>台账报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of counties</source>
            <translation>县（区）数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of entries</source>
            <translation>记录数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Number of changed entries</source>
            <translation>被改动的记录数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/__init__.py" />
            <source>Entries {ids} of the ledger were changed outside the plugin.</source>
            <translation>台账记录 {ids} 在插件之外被改动。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Ledger file</source>
            <translation>台账文件</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Schema version</source>
            <translation>结构版本</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Entries</source>
            <translation>记录数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Integrity</source>
            <translation>完整性</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>The ledger records every credit (补充耕地指标入库) and debit (占用耕地指标核销) of the three quotas of 国土资规〔2017〕13号 — farmland quantity, paddy area and grain capacity — per county, append-only: a county's balance is the sum of its history. A county's surplus may pay another county's project (跨区域调剂, the plan's 七（二）).</source>
            <translation>台账按县（区）记录国土资规〔2017〕13号三类指标——耕地数量、水田面积和粮食产能——的每一次补充耕地指标入库和占用耕地指标核销，只增不改：县（区）的余额始终是其历史记录之和。一个县（区）的节余指标可用于其他县（区）的项目（跨区域调剂，规划七（二））。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Credited plots, one colour per county.</source>
            <translation>已入库地块，每个县（区）一种颜色。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>intact: every entry follows from the ones before it</source>
            <translation>完整：每条记录都与其之前的记录衔接</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>BROKEN: entries {ids} were changed outside the plugin</source>
            <translation>已破坏：记录 {ids} 在插件之外被改动</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Balances per county</source>
            <translation>各县（区）余额</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Areas in 公顷 with 亩 in brackets; capacity in tonnes of grain.</source>
            <translation>面积单位为公顷，括号内为亩；产能单位为吨粮食。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>County</source>
            <translation>县（区）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Credited quantity, ha (mu)</source>
            <translation>入库耕地数量，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Debited quantity, ha (mu)</source>
            <translation>核销耕地数量，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Available quantity, ha (mu)</source>
            <translation>可用耕地数量，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Available paddy, ha (mu)</source>
            <translation>可用水田面积，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Available capacity (t)</source>
            <translation>可用粮食产能（吨）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Transferred out, ha (mu)</source>
            <translation>调出，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Paid by others, ha (mu)</source>
            <translation>由他县（区）出指标，公顷（亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Cross-county transfers (跨区域调剂)</source>
            <translation>跨区域调剂</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>No transfer is recorded.</source>
            <translation>没有跨区域调剂记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Paid by</source>
            <translation>出指标县（区）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>For</source>
            <translation>用于</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Every entry</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Operator</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>Digest of the inputs</source>
            <translation>输入摘要</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/ledger_report/report.py" />
            <source>no plot is credited yet</source>
            <translation>尚无入库地块</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/models.py" />
            <source>Project compliance review (model)</source>
            <translation>建设项目合规审查（模型）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/models.py" />
            <source>Ecological corridor assessment (model)</source>
            <translation>生态廊道评估（模型）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/models.py" />
            <source>Annual plan indicator assessment (model)</source>
            <translation>规划指标年度评估（模型）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Review models</source>
            <translation>审查模型</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Red-line conflict check</source>
            <translation>红线冲突检测</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Planar (analysis CRS)</source>
            <translation>平面（分析坐标系）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Ellipsoidal (CGCS2000)</source>
            <translation>椭球面（CGCS2000）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/params.py" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/params.py" />
            <source>Corridor name aliases (CSV)</source>
            <translation>廊道名称别名表（CSV）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/params.py" />
            <source>Cannot read the corridor name aliases {path}: {error}</source>
            <translation>无法读取廊道名称别名表 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/provider.py" />
            <source>{name} (missing dependencies)</source>
            <translation>{name}（缺少依赖）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/provider.py" />
            <source>LYG Natural Resources Plan</source>
            <translation>连云港自然资源规划</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/provider.py" />
            <source>Lianyungang 14th Five-Year natural-resources plan checks</source>
            <translation>连云港市“十四五”自然资源保护和利用规划审查工具</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Local</source>
            <translation>本地计算</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>In the database</source>
            <translation>数据库计算</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Where the check runs. Auto: in the database when every layer is a PostGIS table of one database (no selection, no filter), else locally; the log says which and why. Local: always in QGIS.</source>
            <translation>在何处计算。自动：所有图层均为同一数据库中的 PostGIS 表（未选择要素、未设过滤条件）时在数据库中计算，否则在本地计算；日志说明所用方式及原因。本地计算：始终在 QGIS 中计算。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>In the database: the database selects the rows near the projects (indexed join) and streams back only those; an error when a layer is not such a table. Both give the same results.</source>
            <translation>数据库计算：由数据库选出项目附近的记录（空间索引连接），只传回这些记录；有图层不是此类表时报错。两种方式结果相同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>In the database: the database reads the layers and streams them back in bulk, instead of feature by feature; an error when a layer is not such a table. Both give the same results.</source>
            <translation>数据库计算：由数据库读取图层并成批传回，而非逐个要素读取；有图层不是此类表时报错。两种方式结果相同。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Execution</source>
            <translation>执行方式</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Execution “In the database” is not possible: {reason}</source>
            <translation>无法按“数据库计算”执行：{reason}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Runs locally: {reason}</source>
            <translation>在本地计算：{reason}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Runs locally (execution: local).</source>
            <translation>在本地计算（执行方式：本地计算）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>the project sets its own coordinate operation from this layer's CRS to the analysis CRS, which only QGIS applies</source>
            <translation>工程为该图层坐标系到分析坐标系指定了自己的坐标转换方法，只有 QGIS 会采用它</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>the layers are in different databases</source>
            <translation>图层位于不同的数据库中</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Runs in the database {db} (every input is a PostGIS table of it): the database selects the rows near the projects and streams back only those.</source>
            <translation>在数据库 {db} 中计算（所有输入均为该库的 PostGIS 表）：由数据库选出项目附近的记录，只传回这些记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/__init__.py" />
            <source>Runs in the database {db} (every input is a PostGIS table of it): the database streams the layers back in bulk.</source>
            <translation>在数据库 {db} 中计算（所有输入均为该库的 PostGIS 表）：由数据库成批传回图层。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>only the selected features are used</source>
            <translation>仅使用所选要素</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>a feature limit is set</source>
            <translation>设置了要素数量上限</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>it is not a PostGIS layer</source>
            <translation>不是 PostGIS 图层</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>it has a filter (subset string)</source>
            <translation>设有过滤条件（子集字符串）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>its geometries have curves, Z or M values</source>
            <translation>其几何含曲线、Z 值或 M 值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>it uses a QGIS authentication configuration</source>
            <translation>使用了 QGIS 认证配置</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>it is a query, not a table</source>
            <translation>是查询而不是表</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>it has no single key column</source>
            <translation>没有单一的主键列</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>Cannot connect to the database {db}: {error}</source>
            <translation>无法连接数据库 {db}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>The database refused a query: {error}</source>
            <translation>数据库拒绝了查询：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>its geometry column has no SRID</source>
            <translation>其几何列没有 SRID</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/connection.py" />
            <source>its key column is not an integer</source>
            <translation>其主键列不是整数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/pushdown/engine.py" />
            <source>{layer}: {n} rows streamed back from the database.</source>
            <translation>{layer}：从数据库传回 {n} 条记录。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Checks proposed construction projects against the control lines of the territorial spatial plan: for each project the area inside the ecological protection red line, Jiangsu's ecological space control areas, permanent basic farmland, protected areas by zone, the marine ecological red line by zone, the area outside the urban development boundary, natural coastline by class and the optional controls (mineral resources, geohazard zones, heritage lines, public-welfare forest). The verdict (PASS / REVIEW / FAIL) follows the rule matrix control × project class, with the reason and its basis; unknown classes and zones are read as the stricter case. Writes one feature per project, the conflict pieces and an HTML review report.</source>
            <translation>将拟建建设项目与国土空间规划控制线进行叠加审查：逐项目统计占用生态保护红线、江苏省生态空间管控区域、永久基本农田、自然保护地（按功能分区）、海洋生态红线（按管控分类）的面积，位于城镇开发边界外的面积，占用自然岸线（按管控分类）的长度，以及可选的压覆重要矿产、地质灾害易发区、历史文化保护线和生态公益林。结论（合规 / 需论证 / 不合规）按“管控要素 × 项目类别”规则矩阵给出，并附原因和依据；项目类别或分区不明的，从严审查。输出逐项目结果、冲突图斑和 HTML 审查报告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Permanent basic farmland reserve</source>
            <translation>永久基本农田储备区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Urban development boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Land area</source>
            <translation>陆域范围</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Natural coastline</source>
            <translation>自然岸线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Important mineral resources</source>
            <translation>压覆重要矿产资源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Geohazard susceptibility zones</source>
            <translation>地质灾害易发区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Historic and cultural protection lines</source>
            <translation>历史文化保护线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/__init__.py" />
            <source>Public-welfare forest</source>
            <translation>生态公益林</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Project name (default XMMC), carried into the outputs, the report and the check-results dock.</source>
            <translation>项目名称字段（默认 XMMC），写入输出、报告和检查结果面板。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Project class (default XMFL): 一般建设项目, 线性基础设施, 国家重大项目, 省级重大项目, 有限人为活动 or 军事国防 (or their codes), or an ordinary project-type value that the class table maps. An empty or unrecognised value is reviewed as 一般建设项目 and the reasons say so.</source>
            <translation>项目类别字段（默认 XMFL）：一般建设项目、线性基础设施、国家重大项目、省级重大项目、有限人为活动或军事国防（或其代码），也可为由类别对照表映射的普通项目类型。取值为空或无法识别的，按一般建设项目审查，并在原因中说明。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Class table (CSV: pattern, class, basis) that maps other values of the class field to a class; default: the plugin's resources/rules/project_classes.csv.</source>
            <translation>项目类别对照表（CSV：pattern、class、basis），将类别字段的其他取值映射为项目类别；默认：插件的 resources/rules/project_classes.csv。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Sea-use type of sea projects (用海方式, default YHFS); a value containing 填海 or 围海 is reclamation, which a restriction zone of the marine red line refuses. An empty value is read as reclamation.</source>
            <translation>用海项目的用海方式字段（默认 YHFS）；取值包含“填海”或“围海”的为围填海，海洋生态红线限制类红线区内不予通过。取值为空的按围填海从严审查。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Ecological protection red line polygons (STBHHX).</source>
            <translation>生态保护红线面（STBHHX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Jiangsu's ecological space control areas (生态空间管控区域, STKJGKQY): a restriction, not a prohibition.</source>
            <translation>江苏省生态空间管控区域（STKJGKQY）：限制性管控，而非禁止。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Permanent basic farmland polygons (YJJBNTBHTB).</source>
            <translation>永久基本农田面（YJJBNTBHTB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Quality grade of the permanent basic farmland (default GDDB), for the quality comparison with the reserve.</source>
            <translation>永久基本农田的耕地等别字段（默认 GDDB），用于与储备区比较质量。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Permanent basic farmland reserve (永久基本农田储备区, JBNTCBQ): the report says whether it can take the supplementary designation of the projects allowed to occupy permanent basic farmland.</source>
            <translation>永久基本农田储备区（JBNTCBQ）：报告说明储备区能否满足允许占用永久基本农田的项目的补划需求。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Quality grade of the reserve (default GDDB).</source>
            <translation>储备区的耕地等别字段（默认 GDDB）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Urban development boundary polygons; the conflict is the part of a project outside them.</source>
            <translation>城镇开发边界面；冲突为项目位于边界以外的部分。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Land area (e.g. the XZQ districts): given, only the part of a project on land counts as outside the urban development boundary (a sea project is not).</source>
            <translation>陆域范围（如 XZQ 行政区）：指定后，仅项目位于陆域的部分计入城镇开发边界外（海域项目不计）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Protected area polygons (nature reserves, parks …), ZRBHD.</source>
            <translation>自然保护地面（自然保护区、自然公园等），ZRBHD。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Zone field of the protected areas (default GNFQ): 核心保护区 / 核心区 / 缓冲区 are core, 一般控制区 / 实验区 general; any other value, or no zone field, counts as core and the reasons say so.</source>
            <translation>自然保护地功能分区字段（默认 GNFQ）：核心保护区、核心区、缓冲区按核心保护区，一般控制区、实验区按一般控制区；其他取值或无分区字段的，按核心保护区审查，并在原因中说明。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Marine ecological red line polygons (HYSTHX).</source>
            <translation>海洋生态红线面（HYSTHX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Zone of the marine red line (default GKFL): 禁止类 or 限制类. Without it, or for another value, a zone counts as 禁止类.</source>
            <translation>海洋生态红线管控分类字段（默认 GKFL）：禁止类或限制类。无此字段或为其他取值的，按禁止类审查。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Coastline lines (HAX); the length of natural coastline inside a project is measured.</source>
            <translation>岸线（线，HAX）；统计项目范围内自然岸线的长度。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Field of the coastline type (default AXLX; every line counts when the layer has no such field).</source>
            <translation>岸线类型字段（默认 AXLX；图层无此字段时全部岸线均计入）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Value of the coastline type field that marks natural coastline.</source>
            <translation>岸线类型字段中表示自然岸线的取值。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Coastline class (default GKFL): 严格保护 (FAIL), 限制开发 (REVIEW), 优化利用 (informational). An unknown class counts as 严格保护; without the field natural coastline needs a review.</source>
            <translation>岸线管控分类字段（默认 GKFL）：严格保护（不合规）、限制开发（需论证）、优化利用（仅提示）。分类不明的按严格保护审查；无此字段时占用自然岸线需论证。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Important mineral resources that a project would overlie (YFKC).</source>
            <translation>建设项目可能压覆的重要矿产资源（YFKC）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>High and medium geohazard susceptibility zones (DZZHYFQ).</source>
            <translation>地质灾害高、中易发区（DZZHYFQ）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Historic and cultural protection lines / purple lines (LSWHBHX).</source>
            <translation>历史文化保护线 / 紫线（LSWHBHX）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Ecological public-welfare forest (STGYL).</source>
            <translation>生态公益林（STGYL）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Overlaps smaller than this (m²) are slivers: reported, but not a conflict.</source>
            <translation>小于该值（平方米）的重叠视为碎屑：予以报告，但不计为冲突。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Rule matrix (CSV: control × project class → level, wording, basis); the controls it names replace the plugin's rows, the others keep them. Default: the plugin's resources/rules/redline_rules.csv.</source>
            <translation>规则矩阵文件（CSV：管控要素 × 项目类别 → 等级、表述、依据）；文件中列出的管控要素替换插件的规则，其余沿用插件规则。默认：插件的 resources/rules/redline_rules.csv。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>One feature per project with the overlap areas, verdict and reasons.</source>
            <translation>逐项目输出一个要素，含重叠面积、结论和原因。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>One feature per project and control with the overlap geometry.</source>
            <translation>每个项目与每类管控要素的重叠部分各输出一个要素。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>HTML review report with tables and a map.</source>
            <translation>含表格和地图的 HTML 审查报告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Printable 审查意见书 (PDF): a cover with the summary, then one page per project with its map, the occupied areas in 公顷 and 亩, the verdict, the reasons with their basis and an empty block for 审查单位 / 审查人 / 审查意见 / 日期.</source>
            <translation>可打印的审查意见书（PDF）：封面为汇总，其后每个项目一页，含地图、以公顷和亩计的占用面积、结论、原因及依据，以及留空待填的审查单位 / 审查人 / 审查意见 / 日期栏。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Number of projects checked.</source>
            <translation>已检查的项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Number of projects that fail.</source>
            <translation>不合规的项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Number of projects that need a review.</source>
            <translation>需论证的项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Number of projects that pass.</source>
            <translation>合规的项目数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/help.py" />
            <source>Permanent basic farmland (m²) to be supplemented that the reserve cannot take (0 when it can; only with a reserve layer).</source>
            <translation>储备区无法满足的永久基本农田补划面积（平方米；能满足时为 0；仅在提供储备区时输出）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>The rule file cannot be used: {error}</source>
            <translation>规则文件无法使用：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>The project class table cannot be used: {error}</source>
            <translation>项目类别对照表无法使用：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>Give at least one control layer (ecological red line, ecological space, farmland, urban development boundary, protected areas, marine red line, coastline, mineral resources, geohazard zones, heritage lines or public-welfare forest).</source>
            <translation>请至少提供一个管控图层（生态保护红线、生态空间管控区域、永久基本农田、城镇开发边界、自然保护地、海洋生态红线、岸线、压覆重要矿产、地质灾害易发区、历史文化保护线或生态公益林）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>{layer} is not used: it needs {other}.</source>
            <translation>{layer} 未使用：需要同时提供{other}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>the urban development boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/inputs.py" />
            <source>the permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/outputs.py" />
            <source>{n} projects: {fail} fail, {review} need review, {ok} pass.</source>
            <translation>共 {n} 个项目：不合规 {fail} 个，需论证 {review} 个，合规 {ok} 个。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project class field</source>
            <translation>项目类别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Sea-use type field</source>
            <translation>用海方式字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project class table</source>
            <translation>项目类别对照表</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Reserve grade field</source>
            <translation>储备区等别字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Protected area zone field</source>
            <translation>自然保护地分区字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Marine red line zone field</source>
            <translation>海洋生态红线管控分类字段</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Natural coastline value</source>
            <translation>自然岸线取值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Minimum overlap area (m²)</source>
            <translation>最小重叠面积（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Rule file</source>
            <translation>规则文件</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Red-line check</source>
            <translation>红线冲突检测结果</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Conflicts</source>
            <translation>冲突图斑</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Review report</source>
            <translation>审查报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Number failing</source>
            <translation>不合规数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Number needing review</source>
            <translation>需论证数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Number passing</source>
            <translation>合规数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/parameters.py" />
            <source>Reserve shortfall (m²)</source>
            <translation>储备区补划缺口（平方米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Protected areas, core zone</source>
            <translation>自然保护地核心保护区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Marine ecological red line (all zones)</source>
            <translation>海洋生态红线（全部分类）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source> (m)</source>
            <translation>（米）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source> (ha / mu)</source>
            <translation>（公顷 / 亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>all other classes</source>
            <translation>其他类别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>every line counts</source>
            <translation>全部岸线均计入</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Rule matrix applied</source>
            <translation>适用的规则矩阵</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Control</source>
            <translation>管控要素</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project class</source>
            <translation>项目类别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Basis</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Totals</source>
            <translation>汇总</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Total project area (ha / mu)</source>
            <translation>项目总面积（公顷 / 亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Amount</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project id</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Project area (ha / mu)</source>
            <translation>项目面积（公顷 / 亩）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>not known</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Projects allowed to occupy it after supplementary designation</source>
            <translation>经补划方可占用的项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Permanent basic farmland to be supplemented</source>
            <translation>须补划的永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Reserve not covered by a project</source>
            <translation>未被项目占用的储备区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Shortfall</source>
            <translation>缺口</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Area-weighted grade of the reserve</source>
            <translation>储备区面积加权平均等别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Area-weighted grade of the occupied farmland</source>
            <translation>被占用永久基本农田面积加权平均等别</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Quality not lower (grade of the reserve ≤ occupied)</source>
            <translation>质量不降（储备区等别 ≤ 被占用等别）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>The reserve can take the supplementary designation.</source>
            <translation>永久基本农田储备区能够满足补划需求。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>The reserve cannot take the supplementary designation: {area} are missing.</source>
            <translation>永久基本农田储备区不能满足补划需求：缺口 {area}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Red-line conflict check report</source>
            <translation>红线冲突检测报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/report.py" />
            <source>Projects (labelled outlines) and conflicts (red = fail, amber = review) over the control layers: green = ecological red line and protected areas, blue = marine red line and natural coastline, yellow = permanent basic farmland, purple dashed = urban development boundary.</source>
            <translation>项目范围（带标注的轮廓）与冲突图斑（红色 = 不合规，橙色 = 需论证），底图为管控图层：绿色 = 生态保护红线和自然保护地，蓝色 = 海洋生态红线和自然岸线，黄色 = 永久基本农田，紫色虚线 = 城镇开发边界。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/run.py" />
            <source>{n} projects read; overlaying with {k} control layers.</source>
            <translation>已读取 {n} 个项目；正在与 {k} 个管控图层叠加。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/run.py" />
            <source>{n} grade values of the farmland or the reserve are negative or not numbers; they are left out of the weighted grades.</source>
            <translation>永久基本农田或储备区中有 {n} 个等别取值为负或不是数字，未计入加权平均等别。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Project area</source>
            <translation>项目面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Total project area</source>
            <translation>项目总面积</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Controls checked</source>
            <translation>审查的管控要素</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Reserve shortfall</source>
            <translation>储备区补划缺口</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/redline_overlap/sheet.py" />
            <source>Red-line review sheet of construction projects</source>
            <translation>建设项目用地红线审查意见书</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/html.py" />
            <source>Generated by lyg_nrp_plugin</source>
            <translation>由 lyg_nrp_plugin 生成</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Met</source>
            <translation>达标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Not met</source>
            <translation>未达标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>No target</source>
            <translation>无目标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>No data</source>
            <translation>无数据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Not comparable (other definition)</source>
            <translation>口径不同，仅供参考</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Computed</source>
            <translation>计算</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Approximate</source>
            <translation>近似</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Entered</source>
            <translation>填报</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Example targets file in use ({path}): its targets and values are illustrations, not official figures. Values marked “Example” and statuses rated on example targets must not be reported.</source>
            <translation>正在使用示例目标文件（{path}）：其中目标值和填报值仅作示意，不是正式数据。标为“示例”的数值以及按示例目标评定的状态不得上报。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Resource protection</source>
            <translation>资源保护</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Resource use</source>
            <translation>资源利用</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Spatial layout</source>
            <translation>空间布局</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Basic support</source>
            <translation>基础支撑</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Plan indicator assessment report</source>
            <translation>规划指标评估报告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Targets file</source>
            <translation>目标值文件</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Salt pans counted as wetland</source>
            <translation>盐田计入湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Values against 2025 targets</source>
            <translation>现状值对照2025年目标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>These values are measured under another definition than the plan's figure; they are neither met nor not met. Enter the survey value in the TARGETS file, or choose the matching definition, to rate them.</source>
            <translation>以下数值的统计口径与规划数值不同，既不算达标也不算未达标。在 TARGETS 文件中填报调查值，或选择相应口径后即可评定。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Difference</source>
            <translation>口径差异</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>How each indicator is computed</source>
            <translation>指标计算方法</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>The plan's definition</source>
            <translation>规划口径</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Method</source>
            <translation>计算方法</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Arithmetic</source>
            <translation>计算过程</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Inputs</source>
            <translation>依据图层</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>2020 value in the plan</source>
            <translation>规划 2020 年值（原文）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Source in the plan</source>
            <translation>规划依据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/indicators.py" />
            <source>2020 value</source>
            <translation>2020年值</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/layout.py" />
            <source>Cannot read the layout template {path}: {error}</source>
            <translation>无法读取版式模板 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/layout.py" />
            <source>{path} is not a QGIS layout template (.qpt).</source>
            <translation>{path} 不是 QGIS 版式模板（.qpt）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/layout.py" />
            <source>The layout template {path} needs a cover page and an item page with a map whose id is “{id}”.</source>
            <translation>版式模板 {path} 须包含封面页和逐项页，逐项页上须有 ID 为“{id}”的地图。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/pdf.py" />
            <source>{item}: {n} lines did not fit on its page of the PDF; the report has them.</source>
            <translation>{item}：有 {n} 行内容超出 PDF 本页版面，已合并为一行说明，详见审查报告。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/pdf.py" />
            <source>Cannot write the PDF {path}.</source>
            <translation>无法写入 PDF 文件 {path}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/pdf.py" />
            <source>No Chinese font is installed (e.g. fonts-noto-cjk): the PDF may show boxes.</source>
            <translation>未安装中文字体（如 fonts-noto-cjk），PDF 中的中文可能显示为方框。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/pdf.py" />
            <source>Review sheet (PDF): {pages} pages written to {path}.</source>
            <translation>审查意见书（PDF）：共 {pages} 页，已写入 {path}。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/pdf.py" />
            <source>Review sheet: {n} pages in {path}</source>
            <translation>审查意见书：共 {n} 页，已写入 {path}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Inputs and data sources</source>
            <translation>输入与数据来源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Data source</source>
            <translation>数据源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Features</source>
            <translation>要素数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Skipped empty geometries</source>
            <translation>跳过的空几何数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>Warnings</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/report/sections.py" />
            <source>The map could not be rendered: {error}</source>
            <translation>地图无法绘制：{error}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>DLTB land-use parcels (third national land survey)</source>
            <translation>DLTB 三调地类图斑</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>DLTB_JQ base-year land-use parcels (before the supplementary works)</source>
            <translation>DLTB_JQ 基期三调地类图斑（补充耕地实施前）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>XZQ districts and counties</source>
            <translation>XZQ 行政区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>HYGNQ sea area under jurisdiction</source>
            <translation>HYGNQ 管辖海域</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>HASD coastal and offshore wetlands</source>
            <translation>HASD 近海与海岸湿地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>HYSTHX marine ecological red line</source>
            <translation>HYSTHX 海洋生态红线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>YJJBNTBHTB permanent basic farmland</source>
            <translation>YJJBNTBHTB 永久基本农田</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>JBNTCBQ permanent basic farmland reserve</source>
            <translation>JBNTCBQ 永久基本农田储备区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>CZKFBJ urban development boundary</source>
            <translation>CZKFBJ 城镇开发边界</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>STKJGKQY ecological space control areas (Jiangsu)</source>
            <translation>STKJGKQY 生态空间管控区域（江苏省）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>STBHHX ecological protection red line</source>
            <translation>STBHHX 生态保护红线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>ZRBHD protected areas</source>
            <translation>ZRBHD 自然保护地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>STGYL ecological public-welfare forest</source>
            <translation>STGYL 生态公益林</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>YFKC important mineral deposits</source>
            <translation>YFKC 压覆重要矿产资源</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>DZZHYFQ geological hazard prone areas</source>
            <translation>DZZHYFQ 地质灾害高、中易发区</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>LSWHBHX historic and cultural protection lines</source>
            <translation>LSWHBHX 历史文化保护线（紫线）</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>YTS Yuntai mountains green vein</source>
            <translation>YTS 云台山系生态绿脉</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>BCGD supplementary farmland plots</source>
            <translation>BCGD 补充耕地</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>JSXM proposed construction projects</source>
            <translation>JSXM 建设项目</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>SX rivers</source>
            <translation>SX 河流</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>HAX coastline</source>
            <translation>HAX 海岸线</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Copies the bundled schematic Lianyungang sample GeoPackage (synthetic data placed roughly where things are, not surveyed) to a destination and returns every layer, so that each algorithm of this provider can be tried at once. In QGIS Desktop the layers are added to the project with the plugin's styles.</source>
            <translation>将插件自带的连云港示意性示例 GeoPackage（按大致位置合成的数据，非测绘成果）复制到指定位置并输出其中每个图层，便于一次试用本工具箱的全部算法。在 QGIS 桌面端，这些图层会按插件样式加载到工程中。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Where to write the copy (default: lyg_nrp_sample/lyg_sample.gpkg in the QGIS profile, kept between sessions; an existing copy there is reused, so edits survive).</source>
            <translation>副本的写入位置（默认：QGIS 配置目录下的 lyg_nrp_sample/lyg_sample.gpkg，跨会话保留；已有副本将直接沿用，编辑内容不会丢失）。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Number of layers copied.</source>
            <translation>复制的图层数。</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Sample GeoPackage</source>
            <translation>示例 GeoPackage</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Number of layers</source>
            <translation>图层数</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>The bundled sample data is missing: {path}</source>
            <translation>缺少插件自带的示例数据：{path}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Using the sample data already copied to {path}</source>
            <translation>沿用已复制到 {path} 的示例数据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Copied the sample data to {path}</source>
            <translation>已将示例数据复制到 {path}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>Layer {name} is missing from {path}</source>
            <translation>{path} 中缺少图层 {name}</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/sample_data.py" />
            <source>{name}: {count} features</source>
            <translation>{name}：{count} 个要素</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Red-line control</source>
            <translation>红线管控</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Farmland protection</source>
            <translation>耕地保护</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Supplementary farmland quota ledger</source>
            <translation>指标台账</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Ecological corridors</source>
            <translation>生态廊道</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Plan indicators</source>
            <translation>规划指标</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/processing/toolbox.py" />
            <source>Sample data</source>
            <translation>示例数据</translation>
        </message>
        <message>
            <location filename="../lyg_nrp_plugin/sample_project.py" />
            <source>Lianyungang sample data (schematic)</source>
            <translation>连云港示例数据（示意）</translation>
        </message>
    </context>
</TS>
