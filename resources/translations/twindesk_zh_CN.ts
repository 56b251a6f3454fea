<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AidCard</name>
    <message>
        <source>Aid sent and received by year</source>
        <translation>历年援助物资（援出与受援）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>援出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受援</translation>
    </message>
    <message>
        <source>No values recorded for these shipments</source>
        <translation>这些援助物资未记录价值</translation>
    </message>
    <message>
        <source>Number of shipments per year</source>
        <translation>每年援助批次</translation>
    </message>
    <message>
        <source>Number of shipments per year; point at a bar for the values</source>
        <translation>每年援助批次；将鼠标指向柱形可查看金额</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>%1, %2: %3 shipment(s)</source>
        <translation>%1，%2：%3 批</translation>
    </message>
    <message>
        <source>No aid shipments recorded yet</source>
        <translation>尚无援助物资记录</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Briefing pack</source>
        <translation>背景材料</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>包含的部分</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Official document (GB/T 9704-2012)</source>
        <translation>公文格式（GB/T 9704-2012）</translation>
    </message>
    <message>
        <source>Business report</source>
        <translation>报告版式</translation>
    </message>
    <message>
        <source>None (or type your own)</source>
        <translation>无（也可自行输入）</translation>
    </message>
    <message>
        <source>PDF, to print and hand out</source>
        <translation>PDF，用于打印和分发</translation>
    </message>
    <message>
        <source>Word document (.docx), to edit</source>
        <translation>Word 文档（.docx），可编辑</translation>
    </message>
    <message>
        <source>Language of the pack</source>
        <translation>材料语言</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标注</translation>
    </message>
    <message>
        <source>Write as</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Build the pack</source>
        <translation>生成材料</translation>
    </message>
    <message>
        <source>Save the briefing pack</source>
        <translation>保存背景材料</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Building the briefing pack…</source>
        <translation>正在生成背景材料…</translation>
    </message>
</context>
<context>
    <name>ChildPanel</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>团组成员</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Partner</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>当地语言名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>友好关系</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>团长</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>团组人数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Donor / recipient (other)</source>
        <translation>捐赠方/接收方（其他）</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Where each column goes. Check the suggestions; a column can also go into the notes, or not be imported.</source>
        <translation>每一列导入到哪里。请核对建议；某一列也可以计入备注，或不导入。</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>载入对应关系…</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存对应关系…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Imported into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>No sheet is imported: go back and choose what a sheet holds.</source>
        <translation>没有要导入的工作表：请返回上一步，选择工作表中是哪类记录。</translation>
    </message>
    <message>
        <source>Not imported: %1. Choose “into the notes” to keep their values.</source>
        <translation>不导入：%1。如要保留其内容，请选择“计入备注”。</translation>
    </message>
    <message>
        <source>Every column is imported.</source>
        <translation>每一列都会导入。</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>载入对应关系</translation>
    </message>
    <message>
        <source>Import mapping (*.json)</source>
        <translation>导入对应关系 (*.json)</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>保存对应关系</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>%1 deleted this record at %2, after you opened it. Nothing was saved. You can save what you typed as a new record, or let it go.</source>
        <translation>在您打开此记录后，%1 于 %2 将其删除。未保存任何内容。您可以将所填内容另存为新记录，或放弃。</translation>
    </message>
    <message>
        <source>%1 changed this record at %2, after you opened it. Nothing was saved yet. Choose for each field whose value to keep.</source>
        <translation>在您打开此记录后，%1 于 %2 修改了它。尚未保存任何内容。请逐项选择保留哪一方的值。</translation>
    </message>
    <message>
        <source>Theirs (deleted by %1 at %2)</source>
        <translation>对方（%1 于 %2 删除）</translation>
    </message>
    <message>
        <source>Theirs (changed by %1 at %2)</source>
        <translation>对方（%1 于 %2 修改）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Save as a new record</source>
        <translation>另存为新记录</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>按所选保存</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <source>Discard mine and reload</source>
        <translation>放弃我的修改并重新载入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
</context>
<context>
    <name>ConflictRetry</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>Connection to the server lost — retrying…</source>
        <translation>与服务器的连接已断开——正在重试…</translation>
    </message>
    <message>
        <source>Reconnected</source>
        <translation>已重新连接</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>TwinDesk — unexpected error</source>
        <translation>TwinDesk — 意外错误</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sorry — TwinDesk ran into an unexpected problem.&lt;/b&gt;</source>
        <translation>&lt;b&gt;抱歉，TwinDesk 遇到了意外问题。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Your data is safe: every change is saved in its own transaction. Copy the details below and send them to support.</source>
        <translation>您的数据是安全的：每一次修改都在独立的事务中保存。请复制下面的详细信息并发送给技术支持。</translation>
    </message>
    <message>
        <source>The details were also written to the log file:
{path}</source>
        <translation>详细信息也已写入日志文件：
{path}</translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>TwinDesk</source>
        <translation>TwinDesk</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>The database %1 is damaged.</source>
        <translation>数据库 %1 已损坏。</translation>
    </message>
    <message>
        <source>Part of the file cannot be read, so TwinDesk does not open it: working on it could lose more. Restore a backup instead: TwinDesk keeps a copy each day the database is opened and before every import and restore. The damaged file is kept as a safety copy, nothing is deleted.</source>
        <translation>文件有部分内容无法读取，因此 TwinDesk 不打开它：继续在上面工作可能丢失更多数据。请改为恢复备份：TwinDesk 在每天打开数据库时以及每次导入和恢复之前都会保存一份副本。损坏的文件会作为安全副本保留，不会删除任何内容。</translation>
    </message>
    <message>
        <source>What TwinDesk found: %1</source>
        <translation>TwinDesk 发现的问题：%1</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db)</source>
        <translation>TwinDesk 数据库 (*.db)</translation>
    </message>
</context>
<context>
    <name>DashboardCards</name>
    <message>
        <source>1 day overdue</source>
        <translation>逾期1天</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>逾期%1天</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>%1th</source>
        <translation>%1 周年</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1年内</translation>
    </message>
    <message>
        <source>%1: %2 years since %3</source>
        <translation>%1：自 %3 年起 %2 年</translation>
    </message>
    <message>
        <source>Held on %1</source>
        <translation>举行于 %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>周年</translation>
    </message>
    <message>
        <source>Home locality</source>
        <translation>本方地区</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>关系级别</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>交流活动</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Waiting on</source>
        <translation>待审环节</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>No visits in the next %1 days</source>
        <translation>今后 %1 天内没有出访或来访</translation>
    </message>
    <message>
        <source>No shipments in transit</source>
        <translation>没有运输中的援助物资</translation>
    </message>
    <message>
        <source>No anniversaries in the next 12 months</source>
        <translation>今后12个月内没有周年纪念</translation>
    </message>
    <message>
        <source>No reviews or renewals due in the next 12 months</source>
        <translation>今后12个月内没有到期的评估或续签</translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation>没有到期的跟进事项</translation>
    </message>
    <message>
        <source>No partners yet</source>
        <translation>尚无友好伙伴</translation>
    </message>
    <message>
        <source>No partnership waits on an approval</source>
        <translation>没有待审批的友好关系</translation>
    </message>
    <message>
        <source>Every approved or confirmed trip has its approval on file</source>
        <translation>已批准或已确认的出访均有出访批件</translation>
    </message>
    <message>
        <source>Upcoming visits (next %1 days)</source>
        <translation>近期出访与来访（今后 %1 天）</translation>
    </message>
    <message>
        <source>Shipments in transit</source>
        <translation>运输中的援助物资</translation>
    </message>
    <message>
        <source>Anniversaries in the next 12 months</source>
        <translation>今后12个月的周年纪念</translation>
    </message>
    <message>
        <source>Reviews and renewals: past due and the next 12 months</source>
        <translation>评估与续签：已逾期及今后12个月</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>到期的跟进事项</translation>
    </message>
    <message>
        <source>Activities whose follow-up date is in the next %1 days, or passed in the last %2 days</source>
        <translation>跟进日期在今后 %1 天内或已过去不超过 %2 天的交流活动</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>A relationship is quiet when it had no visit, shipment or activity for longer than this</source>
        <translation>超过这一时间没有互访、援助物资或交流活动的友好关系，视为联系冷淡</translation>
    </message>
    <message>
        <source>No contact for more than</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <source>Relationships gone quiet</source>
        <translation>联系冷淡的友好关系</translation>
    </message>
    <message>
        <source>Partners by country (top %1)</source>
        <translation>友好伙伴国别分布（前 %1 位）</translation>
    </message>
    <message>
        <source>Approvals pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Trips without an approval on file</source>
        <translation>尚无出访批件的出访</translation>
    </message>
    <message>
        <source>Overview as of %1 (loading…)</source>
        <translation>%1 概况（正在加载…）</translation>
    </message>
    <message>
        <source>Could not be loaded: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>Overview as of %1 (could not be read)</source>
        <translation>%1 概况（无法读取）</translation>
    </message>
    <message>
        <source>Shipments overdue: %1</source>
        <translation>逾期未到的物资：%1</translation>
    </message>
    <message>
        <source>Reviews past due: %1</source>
        <translation>逾期未评估：%1</translation>
    </message>
    <message>
        <source>Follow-ups overdue: %1</source>
        <translation>逾期未跟进：%1</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>援助物资</translation>
    </message>
    <message>
        <source>Counts by status</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>友好关系</translation>
    </message>
    <message>
        <source>No partnerships yet</source>
        <translation>尚无友好关系</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>出访/来访</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>尚无出访或来访</translation>
    </message>
    <message>
        <source>No shipments yet</source>
        <translation>尚无援助物资</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Overview as of %1 (updating…)</source>
        <translation>%1 概况（正在更新…）</translation>
    </message>
    <message>
        <source>Overview as of %1</source>
        <translation>%1 概况</translation>
    </message>
    <message>
        <source>Every live relationship had contact in the last %1 days</source>
        <translation>所有现行友好关系在最近 %1 天内均有联系</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>Pick a date from the calendar (Alt+Down)</source>
        <translation>从日历中选择日期（Alt+下箭头）</translation>
    </message>
</context>
<context>
    <name>DefaultFolder</name>
    <message>
        <source>There is no folder %1 and it could not be made; files are suggested in your home folder instead.</source>
        <translation>没有文件夹 %1，也无法创建；文件将改为建议保存到您的主文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 did not exist; it has been made for your files.</source>
        <translation>文件夹 %1 原先不存在，现已为您的文件创建。</translation>
    </message>
</context>
<context>
    <name>DeleteConfirm</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Delete this %1 (ID %2)?</source>
        <translation>删除这条%1（编号 %2）？</translation>
    </message>
    <message>
        <source>These go with it: %1.</source>
        <translation>以下记录将一并删除：%1。</translation>
    </message>
    <message>
        <source>These stay but lose their link to it: %1.</source>
        <translation>以下记录将保留，但不再与其关联：%1。</translation>
    </message>
    <message>
        <source>Delete it anyway?</source>
        <translation>仍要删除吗？</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>These files were not attached:</source>
        <translation>以下文件未添加：</translation>
    </message>
    <message>
        <source>Nothing was attached:</source>
        <translation>未添加任何文件：</translation>
    </message>
    <message>
        <source>Files refused</source>
        <translation>文件未被接受</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove this document from the record?</source>
        <translation>从该记录中移除此文件？</translation>
    </message>
    <message>
        <source>Remove these %1 documents from the record?</source>
        <translation>从该记录中移除这 %1 份文件？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Edit › Undo brings them back.</source>
        <translation>可通过“编辑 › 撤销”恢复。</translation>
    </message>
    <message>
        <source>Remove it anyway?</source>
        <translation>仍要移除吗？</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document — %1</source>
        <translation>文件 — %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Select a document to preview it.</source>
        <translation>选择一份文件即可在此预览。</translation>
    </message>
    <message>
        <source>%1, %2. This kind of file is not shown here: open it with the system&apos;s viewer (Open).</source>
        <translation>%1，%2。此类文件无法在此预览，请用系统查看器打开（“打开”）。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>This document cannot be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <source>This image is too large to preview (%1 × %2 pixels); open it with the system&apos;s viewer.</source>
        <translation>图片过大，无法预览（%1 × %2 像素），请用系统查看器打开。</translation>
    </message>
    <message>
        <source>This image cannot be shown (%1).</source>
        <translation>无法显示此图片（%1）。</translation>
    </message>
    <message>
        <source>This PDF cannot be shown; open it with the system&apos;s viewer.</source>
        <translation>无法显示此 PDF，请用系统查看器打开。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Attach files to this record (or drop them here)</source>
        <translation>为该记录添加文件（也可将文件拖放到此处）</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open a copy with the system&apos;s viewer</source>
        <translation>用系统查看器打开一份副本</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Drop files here to attach them.</source>
        <translation>将文件拖放到此处即可添加。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加人及时间</translation>
    </message>
</context>
<context>
    <name>EnvironmentError</name>
    <message>
        <source>The database is busy (another program is writing to it). Wait a moment and try again; nothing was lost.</source>
        <translation>数据库正忙（另一程序正在写入）。请稍候再试；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was lost.</source>
        <translation>磁盘已满。请释放空间后再试；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore the latest backup: File › Restore from backup… in the window, or twindesk restore BACKUP.db on the command line.</source>
        <translation>数据库文件已损坏。请恢复最近的备份：在窗口中选择“文件 › 从备份恢复…”，或在命令行运行 twindesk restore BACKUP.db。</translation>
    </message>
    <message>
        <source>The file, its folder or the disk is read-only. Nothing was changed; choose a place you can write to.</source>
        <translation>该文件、所在文件夹或磁盘为只读。未作任何更改；请选择可以写入的位置。</translation>
    </message>
    <message>
        <source>Permission denied: TwinDesk may not use this file or folder. Nothing was changed; check its permissions or choose another place.</source>
        <translation>权限不足：TwinDesk 无权使用此文件或文件夹。未作任何更改；请检查其权限或选择其他位置。</translation>
    </message>
    <message>
        <source>The path is a loop of symbolic links. Nothing was changed; give the file&apos;s real path.</source>
        <translation>该路径是循环的符号链接。未作任何更改；请给出文件的实际路径。</translation>
    </message>
    <message>
        <source>An ID is out of range (IDs run from 1 to 9223372036854775807). Nothing was changed.</source>
        <translation>编号超出范围（编号为 1 至 9223372036854775807）。未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>What the export changed</source>
        <translation>导出时所做的调整</translation>
    </message>
    <message>
        <source>The file was written. %1 value(s) could not go into Excel as typed; this is what was done with each.</source>
        <translation>文件已保存。有 %1 个值无法按原样写入 Excel，以下是对每个值的处理。</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>导出工作簿</translation>
    </message>
    <message>
        <source>Add HXL hashtags under the headers (for humanitarian partners&apos; tools)</source>
        <translation>在表头下添加 HXL 标签（供人道主义合作伙伴的工具使用）</translation>
    </message>
    <message>
        <source>None (or type your own)</source>
        <translation>无（也可自行输入）</translation>
    </message>
    <message>
        <source>Language of the workbook</source>
        <translation>工作簿语言</translation>
    </message>
    <message>
        <source>Marking on printed pages</source>
        <translation>打印页上的密级标注</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the workbook</source>
        <translation>保存工作簿</translation>
    </message>
    <message>
        <source>Exporting the workbook…</source>
        <translation>正在导出工作簿…</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>工作簿</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>Excel workbook with macros (.xlsm; macros are not run)</source>
        <translation>含宏的 Excel 工作簿 (.xlsm；不会运行宏)</translation>
    </message>
    <message>
        <source>Excel 97–2003 workbook (.xls)</source>
        <translation>Excel 97–2003 工作簿 (.xls)</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 电子表格 (.ods)</translation>
    </message>
    <message>
        <source>CSV text file</source>
        <translation>CSV 文本文件</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>A list typed in Excel, WPS or LibreOffice (.xlsx, .xlsm, .xls, .ods or .csv), or a workbook TwinDesk exported.</source>
        <translation>在 Excel、WPS 或 LibreOffice 中录入的表格（.xlsx、.xlsm、.xls、.ods 或 .csv），或 TwinDesk 导出的工作簿。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument spreadsheets (*.ods);;CSV text files (*.csv);;All files (*)</source>
        <translation>表格 (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel 工作簿 (*.xlsx *.xlsm *.xls);;OpenDocument 电子表格 (*.ods);;CSV 文本文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>A workbook TwinDesk exported: it is imported by ID as it was exported. Next shows what would change.</source>
        <translation>这是 TwinDesk 导出的工作簿：按编号原样导入。下一步显示将有哪些变化。</translation>
    </message>
    <message>
        <source>%1 sheet(s) read. Next shows what TwinDesk recognises in them.</source>
        <translation>已读取 %1 个工作表。下一步显示 TwinDesk 从中识别出的内容。</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation>按所选</translation>
    </message>
    <message>
        <source>Encoding %1 (%2); if the text looks garbled on the next pages, choose another.</source>
        <translation>编码 %1（%2）；如果后面各页中的文字是乱码，请换一种编码。</translation>
    </message>
</context>
<context>
    <name>FileWritten</name>
    <message>
        <source>%1 written to
%2</source>
        <translation>%1已保存到
%2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. The file is at:
%2</source>
        <translation>这台电脑上没有能打开 %1 文件的程序。文件位于：
%2</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>TwinDesk user guide</source>
        <translation>TwinDesk 使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少使用指南。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>No changes yet</source>
        <translation>尚无修改记录</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a list</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>recognised from its headers</source>
        <translation>根据表头识别</translation>
    </message>
    <message>
        <source>as remembered for these headers</source>
        <translation>沿用上次对相同表头的设置</translation>
    </message>
    <message>
        <source>as the mapping says</source>
        <translation>按对应关系文件</translation>
    </message>
    <message>
        <source>from the mapping file</source>
        <translation>来自对应关系文件</translation>
    </message>
    <message>
        <source>changed by you</source>
        <translation>已由您修改</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Likely duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>有错误</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>like row %1 of this import</source>
        <translation>与本次导入的第 %1 行相似</translation>
    </message>
    <message>
        <source>%1 (ID %2)</source>
        <translation>%1（编号 %2）</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>编号 %1</translation>
    </message>
</context>
<context>
    <name>IssuesDialog</name>
    <message>
        <source>Save the list…</source>
        <translation>保存列表…</translation>
    </message>
    <message>
        <source>Save the list of problems</source>
        <translation>保存问题列表</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>problems.xlsx</source>
        <translation>问题清单.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Search names in any script (中文, English, 한국어, Русский …)</source>
        <translation>按任意文字搜索名称（中文、English、한국어、Русский …）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export this view…</source>
        <translation>导出当前列表…</translation>
    </message>
    <message>
        <source>The rows and columns this list shows now, as an Excel workbook</source>
        <translation>将列表当前显示的行和列导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Showing %1 of %2 records</source>
        <translation>显示 %1 条，共 %2 条</translation>
    </message>
</context>
<context>
    <name>LockPrompt</name>
    <message>
        <source>Database already open</source>
        <translation>数据库已被打开</translation>
    </message>
    <message>
        <source>This database is open in TwinDesk by {user} on {host} since {time}.</source>
        <translation>此数据库已由 {user} 在 {host} 上用 TwinDesk 打开（自 {time} 起）。</translation>
    </message>
    <message>
        <source>Two windows changing the same database could overwrite each other&apos;s work. You can open it read-only to look things up, or cancel and close the other window first.</source>
        <translation>两个窗口同时修改同一数据库可能互相覆盖。您可以以只读方式打开以便查阅，或取消并先关闭另一个窗口。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>出访/来访</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>援助物资</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>交流活动</translation>
    </message>
    <message>
        <source>Home localities</source>
        <translation>本方地区</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Recent &amp;changes…</source>
        <translation>最近修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Briefing pack…</source>
        <translation>背景材料(&amp;B)…</translation>
    </message>
    <message>
        <source>A PDF briefing pack for the selected visit or partner</source>
        <translation>为所选的出访/来访或友好伙伴生成 PDF 背景材料</translation>
    </message>
    <message>
        <source>&amp;Export workbook…</source>
        <translation>导出工作簿(&amp;E)…</translation>
    </message>
    <message>
        <source>Export this &amp;view…</source>
        <translation>导出当前列表(&amp;V)…</translation>
    </message>
    <message>
        <source>The rows and columns this list shows now, as a workbook</source>
        <translation>将列表当前显示的行和列导出为工作簿</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About TwinDesk</source>
        <translation>关于 TwinDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open a TwinDesk database</source>
        <translation>打开 TwinDesk 数据库</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db);;All files (*)</source>
        <translation>TwinDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Recent &amp;databases</source>
        <translation>最近的数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Deleted %1 %2.</source>
        <translation>已删除%1 %2。</translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation>导出当前列表</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <source>Exporting %1 rows…</source>
        <translation>正在导出 %1 行…</translation>
    </message>
    <message>
        <source>%1 is on the shared server: it is backed up and restored there, with PostgreSQL&apos;s own pg_dump and pg_restore. Ask the office&apos;s database administrator.</source>
        <translation>%1 位于共享服务器上：它在服务器上用 PostgreSQL 自带的 pg_dump 和 pg_restore 备份和恢复。请联系本单位的数据库管理员。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db)</source>
        <translation>TwinDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>About TwinDesk</source>
        <translation>关于 TwinDesk</translation>
    </message>
    <message>
        <source>TwinDesk %1
Partner cities, delegation visits and aid shipments.</source>
        <translation>TwinDesk %1
友好城市、团组出访来访与援助物资管理。</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>NetworkDrivePrompt</name>
    <message>
        <source>Database on a network drive</source>
        <translation>数据库位于网络驱动器上</translation>
    </message>
    <message>
        <source>The database %1 is on a network drive (%2).</source>
        <translation>数据库 %1 位于网络驱动器（%2）上。</translation>
    </message>
    <message>
        <source>SQLite&apos;s locking is not safe on a network drive: two PCs working on this file can damage it. For a database the whole office shares, use the shared server (Settings, or --database-url; see the README, &quot;A shared database for the office&quot;). You can open it read-only to look things up, or open it anyway if only this PC uses it.</source>
        <translation>SQLite 的文件锁在网络驱动器上不可靠：两台电脑同时使用此文件可能损坏数据库。全办公室共用的数据库请使用共享服务器（在“设置”中，或用 --database-url；见 README“A shared database for the office”一节）。可以以只读方式打开以便查阅；如果只有这台电脑使用它，也可以仍然打开。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <source>Read-only: the database is on a network drive (%1), where two PCs writing it can damage it. The office shares a database through the shared server.</source>
        <translation>只读：数据库位于网络驱动器（%1）上，两台电脑同时写入可能损坏数据库。办公室应通过共享服务器共用数据库。</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Packing list</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Certificate of donation</source>
        <translation>捐赠证书</translation>
    </message>
    <message>
        <source>Save the paper</source>
        <translation>保存单据</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Chinese and English, on the same page</source>
        <translation>中英文对照，印在同一页</translation>
    </message>
    <message>
        <source>Write as</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Write the paper</source>
        <translation>生成单据</translation>
    </message>
    <message>
        <source>Writing the paper…</source>
        <translation>正在生成单据…</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password for the server</source>
        <translation>服务器密码</translation>
    </message>
    <message>
        <source>TwinDesk needs the password of %1.</source>
        <translation>TwinDesk 需要 %1 的密码。</translation>
    </message>
    <message>
        <source>Remember password in the system keyring</source>
        <translation>将密码记在系统密钥环中</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>%1 cannot be read for printing.</source>
        <translation>无法读取 %1 进行打印。</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>What the import would do. Nothing is written until you click Import.</source>
        <translation>导入将做哪些改动。点击“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <source>Save errors as workbook…</source>
        <translation>将错误另存为表格…</translation>
    </message>
    <message>
        <source>Save the list of problems</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Write the file&apos;s values over the changes made in the database after it was written</source>
        <translation>用文件中的值覆盖文件写出之后数据库中的修改</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Rows (%1)</source>
        <translation>行（%1）</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>说明（%1）</translation>
    </message>
    <message>
        <source>Create the %1 record(s) that rows name but the database lacks: %2</source>
        <translation>新建表中提到但数据库中没有的 %1 条记录：%2</translation>
    </message>
    <message>
        <source>There is nothing to import: no sheet holds a list TwinDesk keeps. Why, sheet by sheet, is under Problems; go back to choose what a sheet holds.</source>
        <translation>没有可导入的内容：没有哪个工作表是 TwinDesk 管理的名录。各工作表的原因见“问题”；可返回上一步选择工作表中是哪类记录。</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 unchanged</source>
        <translation>%1：新建 %2，修改 %3，不变 %4</translation>
    </message>
    <message>
        <source>%1 problem(s): nothing can be imported until they are corrected in the file (or the mapping).</source>
        <translation>%1 个问题：在文件（或对应关系）中改正之前，无法导入任何内容。</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Correct the problems first; nothing is written while there are any.</source>
        <translation>请先改正问题；只要还有问题，就不会写入任何内容。</translation>
    </message>
    <message>
        <source>%1 row(s) look like records already there: tick those that are really new, or put the existing record&apos;s ID in the file.</source>
        <translation>%1 行看起来与已有记录相同：请勾选确实是新记录的行，或在文件中填写已有记录的编号。</translation>
    </message>
    <message>
        <source>Rows name records the database lacks: allow creating them, or correct the file.</source>
        <translation>表中提到了数据库中没有的记录：请允许新建它们，或改正文件。</translation>
    </message>
    <message>
        <source>Nothing would change: every row is already in the database as it is.</source>
        <translation>不会有任何变化：每一行都已按原样存在于数据库中。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only: this database is open in TwinDesk by %1 on %2 since %3. Close that window to make changes here.</source>
        <translation>只读：此数据库已由 %1 在 %2 上自 %3 起在 TwinDesk 中打开。请关闭那个窗口后再在此处修改。</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <source>Read-only: this window cannot change the database.</source>
        <translation>只读：此窗口不能修改数据库。</translation>
    </message>
</context>
<context>
    <name>RecentChangesDialog</name>
    <message>
        <source>Recent changes</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>since, e.g. 2026-11-29</source>
        <translation>起始日期，如 2026-11-29</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>所有记录</translation>
    </message>
    <message>
        <source>Since: “%1” %2.</source>
        <translation>起始日期“%1”%2。</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 项修改</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Read-only: this window cannot change the database.</source>
        <translation>只读：此窗口不能修改数据库。</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Save them before closing?</source>
        <translation>此表单有尚未保存的修改。关闭前是否保存？</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
</context>
<context>
    <name>RefPicker</name>
    <message>
        <source>Type part of a name or a country code</source>
        <translation>输入名称的一部分或国家代码</translation>
    </message>
</context>
<context>
    <name>RemoteChangeBar</name>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Save as new…</source>
        <translation>另存为新记录…</translation>
    </message>
    <message>
        <source>%1 changed this record at %2. Your edits are kept; Save will show both versions.</source>
        <translation>%1 于 %2 修改了此记录。您的修改已保留；保存时将同时显示两个版本。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>%1 deleted this record at %2. What you typed is still here; it can be saved as a new record.</source>
        <translation>%1 于 %2 删除了此记录。您输入的内容仍在此处，可以另存为新记录。</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>另存为新记录</translation>
    </message>
    <message>
        <source>Save what this form holds as a new record? The deleted one stays deleted.</source>
        <translation>将此表单中的内容另存为新记录吗？已删除的记录仍保持删除。</translation>
    </message>
    <message>
        <source>Reload the record as it is stored now? What you typed in this form will be lost.</source>
        <translation>按现在保存的内容重新载入此记录？您在此表单中输入的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>ReplacePrompt</name>
    <message>
        <source>Cannot save here</source>
        <translation>无法保存到此处</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>before migration</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before demo</source>
        <translation>写入演示数据前</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>TwinDesk keeps a copy of %1 each day it is opened (the last 7 days, 4 weeks and 12 months) and before every upgrade, import, restore and demo. Restoring replaces what the database holds now with the copy; what it holds now is kept as a safety copy first.</source>
        <translation>TwinDesk 在每天打开 %1 时保存一份副本（保留最近 7 天、4 周和 12 个月），并在每次升级、导入、恢复和写入演示数据之前各保存一份。恢复会用副本替换数据库现有的内容；现有内容会先保存为安全副本。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>出访/来访</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>援助物资</translation>
    </message>
    <message>
        <source>There are no backups of this database yet. “Choose a file…” restores any copy you have.</source>
        <translation>该数据库还没有备份。可用“选择文件…”恢复您保存的任何副本。</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db)</source>
        <translation>TwinDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

The database will hold what it held then; changes made since are replaced. Its current content is kept as a safety copy (listed here as “before restore”), so this can be taken back.</source>
        <translation>恢复 %1 的备份吗？

数据库将恢复为当时的内容，此后所做的更改会被替换。其当前内容会保存为安全副本（在此列表中显示为“恢复前”），因此可以撤回。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>%1 is imported.</source>
        <translation>%1 已导入。</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed</source>
        <translation>%1：新建 %2，修改 %3</translation>
    </message>
    <message>
        <source>Made for the rows that name them: %1</source>
        <translation>为表中提到的记录新建了：%1</translation>
    </message>
    <message>
        <source>The server&apos;s backups (pg_dump) hold the database as it was before.</source>
        <translation>导入前的数据库由服务器的备份（pg_dump）保存。</translation>
    </message>
    <message>
        <source>The database as it was before is saved as %1</source>
        <translation>导入前的数据库已保存为 %1</translation>
    </message>
    <message>
        <source>The mapping is remembered: a list with the same headers is recognised the same way next time.</source>
        <translation>已记住本次的对应关系：下次遇到表头相同的表格，将按同样方式识别。</translation>
    </message>
</context>
<context>
    <name>RowsTable</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Existing record or problem</source>
        <translation>已有记录或问题</translation>
    </message>
    <message>
        <source>Really new</source>
        <translation>确为新记录</translation>
    </message>
</context>
<context>
    <name>SaveAsField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>ServerConnect</name>
    <message>
        <source>Check the server&apos;s name and port, that it is running, and your network; then try again.</source>
        <translation>请检查服务器的名称和端口、服务器是否在运行以及您的网络，然后重试。</translation>
    </message>
    <message>
        <source>Check the user name and type the password again.</source>
        <translation>请检查用户名并重新输入密码。</translation>
    </message>
    <message>
        <source>Ask the office&apos;s database administrator to grant your login a TwinDesk role.</source>
        <translation>请本单位的数据库管理员为您的登录名授予 TwinDesk 角色。</translation>
    </message>
    <message>
        <source>Check the encryption setting and the CA certificate, or ask the administrator for the office&apos;s certificate.</source>
        <translation>请检查加密设置和 CA 证书，或向管理员索取本单位的证书。</translation>
    </message>
    <message>
        <source>The administrator sets the database up with twindesk server init.</source>
        <translation>请管理员用 twindesk server init 建立该数据库。</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to the shared server</source>
        <translation>连接共享服务器</translation>
    </message>
    <message>
        <source>e.g. db.office.local</source>
        <translation>例如 db.office.local</translation>
    </message>
    <message>
        <source>your login on the server</source>
        <translation>您在服务器上的登录名</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Prefer (encrypt when the server can)</source>
        <translation>优先（服务器支持时加密）</translation>
    </message>
    <message>
        <source>Require (encrypted, certificate not checked)</source>
        <translation>必须（加密，不检查证书）</translation>
    </message>
    <message>
        <source>Verify (encrypted, certificate and name checked)</source>
        <translation>验证（加密，检查证书和名称）</translation>
    </message>
    <message>
        <source>the office&apos;s CA certificate (.crt, .pem)</source>
        <translation>本单位的 CA 证书（.crt、.pem）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>empty: from the keyring or ~/.pgpass</source>
        <translation>留空：使用密钥环或 ~/.pgpass 中的密码</translation>
    </message>
    <message>
        <source>Remember password in the system keyring</source>
        <translation>将密码记在系统密钥环中</translation>
    </message>
    <message>
        <source>No system keyring works here (%1), so TwinDesk cannot remember the password. Keep it in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf), one line host:port:database:user:password readable only by you, or in a PostgreSQL service file; or type it each time.</source>
        <translation>此处没有可用的系统密钥环（%1），因此 TwinDesk 无法记住密码。请将密码保存在 ~/.pgpass（Windows 上为 %APPDATA%\postgresql\pgpass.conf）中，每行一条 host:port:database:user:password，且只有您本人可读；或保存在 PostgreSQL 服务文件中；也可以每次输入。</translation>
    </message>
    <message>
        <source>Server (host)</source>
        <translation>服务器（主机）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>The office&apos;s CA certificate</source>
        <translation>本单位的 CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>已加密（TLS）</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1 as %2, %3.</source>
        <translation>已连接：PostgreSQL %1，用户 %2，%3。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Opened read-only: %1</source>
        <translation>已以只读方式打开：%1</translation>
    </message>
    <message>
        <source>The database is open, but a backup is missing: %1</source>
        <translation>数据库已打开，但缺少一份备份：%1</translation>
    </message>
    <message>
        <source>Restored the backup of %1.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <source>Restored the backup of %1; the previous content is saved as %2.</source>
        <translation>已恢复 %1 的备份；之前的内容已保存为 %2。</translation>
    </message>
    <message>
        <source>TwinDesk cannot open the database %1:</source>
        <translation>TwinDesk 无法打开数据库 %1：</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>by %1 on %2 since %3</source>
        <translation>（%1 在 %2 上，自 %3 起）</translation>
    </message>
    <message>
        <source>Another TwinDesk window has taken over this database %1. This window now shows it read-only, so neither overwrites the other&apos;s work. Your saved changes are in the database.</source>
        <translation>另一个 TwinDesk 窗口已接管此数据库%1。本窗口现以只读方式显示，以免互相覆盖。您已保存的修改都在数据库中。</translation>
    </message>
    <message>
        <source>The form you are typing in stays open: copy what you typed (it can no longer be saved here), then close it.</source>
        <translation>您正在填写的表单仍保持打开：请复制已输入的内容（此处已无法保存），然后关闭表单。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Default: the data folder</source>
        <translation>默认：数据文件夹</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>打开其他…</translation>
    </message>
    <message>
        <source>Create new…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Shared server…</source>
        <translation>共享服务器…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Recorded on every change you make</source>
        <translation>记录在您所做的每一处修改上</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Another database file or server opens as soon as you press OK; a new language redraws the window at once.</source>
        <translation>按“确定”后立即打开所选的数据库文件或服务器；更换语言后窗口会立即以新语言显示。</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>使用此服务器</translation>
    </message>
    <message>
        <source>Default home locality</source>
        <translation>默认本方地区</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>A relationship is quiet after</source>
        <translation>友好关系视为联系冷淡的期限</translation>
    </message>
    <message>
        <source>Open a TwinDesk database</source>
        <translation>打开 TwinDesk 数据库</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db);;All files (*)</source>
        <translation>TwinDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Create a TwinDesk database</source>
        <translation>新建 TwinDesk 数据库</translation>
    </message>
    <message>
        <source>TwinDesk database (*.db)</source>
        <translation>TwinDesk 数据库 (*.db)</translation>
    </message>
</context>
<context>
    <name>SheetsPage</name>
    <message>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>What each sheet holds, and where its table starts. Choose another kind, or Skip, where the guess is wrong.</source>
        <translation>每个工作表中是哪类记录，表格从哪一行开始。如果猜得不对，请另选类别，或选择“跳过”。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <source>Data rows</source>
        <translation>数据行数</translation>
    </message>
    <message>
        <source>Rows skipped</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>对应关系</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Guessed from its headers: %1.</source>
        <translation>根据表头猜测为：%1。</translation>
    </message>
    <message>
        <source>%1 of %2 sheet(s) will be imported.</source>
        <translation>%2 个工作表中将导入 %1 个。</translation>
    </message>
</context>
<context>
    <name>SubRecordDialog</name>
    <message>
        <source>Delegation</source>
        <translation>团组成员</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>日程安排</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>出访批件</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物资明细</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>状态变更记录</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>友好关系</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Briefing pack…</source>
        <translation>背景材料…</translation>
    </message>
    <message>
        <source>A PDF to print before the meeting</source>
        <translation>会见前打印的 PDF 材料</translation>
    </message>
    <message>
        <source>Packing list…</source>
        <translation>装箱单…</translation>
    </message>
    <message>
        <source>The list that goes with the goods (PDF or Word)</source>
        <translation>随货物发运的清单（PDF 或 Word）</translation>
    </message>
    <message>
        <source>Donation certificate…</source>
        <translation>捐赠证书…</translation>
    </message>
    <message>
        <source>A certificate of donation in Chinese and English (PDF or Word)</source>
        <translation>中英文对照的捐赠证书（PDF 或 Word）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>The partner&apos;s activities show here once it is saved.</source>
        <translation>保存该友好伙伴后，其交往活动将显示在此处。</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Save the record first to add these.</source>
        <translation>请先保存本记录，再添加这些内容。</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Visit</source>
        <translation>出访/来访</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>援助物资</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>交流活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status / kind</source>
        <translation>状态/类型</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>delete of %1 %2</source>
        <translation>删除%1 %2</translation>
    </message>
    <message>
        <source>changes to %1 %2</source>
        <translation>对%1 %2的修改</translation>
    </message>
    <message>
        <source>partners of %1 %2</source>
        <translation>%1 %2的友好伙伴</translation>
    </message>
    <message>
        <source>order of the delegation of %1 %2</source>
        <translation>%1 %2的团组成员顺序</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot undo %1: changed since</source>
        <translation>无法撤销%1：此后已被修改</translation>
    </message>
    <message>
        <source>Cannot redo %1: changed since</source>
        <translation>无法重做%1：此后已被修改</translation>
    </message>
    <message>
        <source>The import cannot be taken back with Undo; its backup can restore the database as it was (File › Restore from backup…).</source>
        <translation>导入无法通过“撤销”取消；可用导入前的备份将数据库恢复原状（文件 › 从备份恢复…）。</translation>
    </message>
    <message>
        <source>The database was restored from a backup; Undo starts afresh.</source>
        <translation>数据库已从备份恢复；撤销记录重新开始。</translation>
    </message>
    <message>
        <source>The demo data set was written; Undo starts afresh.</source>
        <translation>已写入演示数据；撤销记录重新开始。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>已撤销：%1。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>已重做：%1。</translation>
    </message>
</context>
<context>
    <name>VisitPartnersPanel</name>
    <message>
        <source>Add partner</source>
        <translation>添加友好伙伴</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>友好伙伴</translation>
    </message>
    <message>
        <source>Type part of the partner&apos;s name and pick it from the list.</source>
        <translation>请输入友好伙伴名称的一部分，并从列表中选择。</translation>
    </message>
</context>
</TS>
