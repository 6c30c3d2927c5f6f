<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttentionGridView</name>
    <message>
        <source>Colours: each tile scaled to its own maximum — patterns are easier to read, but colours are not comparable between heads.</source>
        <extracomment>Pixels between tiles; gap pixels are NaN, which ImageItem leaves transparent (white background).</extracomment>
        <translation>颜色：每个小图按各自的最大值缩放——模式更易看清，但不同注意力头之间的颜色不可比较。</translation>
    </message>
    <message>
        <source>Colours: one shared 0–1 scale, so heads can be compared with each other.</source>
        <translation>颜色：统一的 0–1 刻度，因此各注意力头之间可以相互比较。</translation>
    </message>
    <message>
        <source>layer {0}, head {1}: {2}</source>
        <translation>第 {0} 层，第 {1} 个头：{2}</translation>
    </message>
    <message>
        <source>layer {0}, head {1} (click to open)</source>
        <translation>第 {0} 层，第 {1} 个头（点击打开）</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Sentence to run through the model (Enter)</source>
        <translation>送入模型的句子（回车）</translation>
    </message>
    <message>
        <source>optional sentence B</source>
        <translation>可选的句子 B</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the model once; switching layer or head reuses the result</source>
        <translation>运行一次模型；切换层或注意力头时复用结果</translation>
    </message>
    <message>
        <source>Which attention of an encoder-decoder to show. Cross-attention is recorded at each real generation step, not teacher-forced.</source>
        <translation>显示编码器-解码器的哪一种注意力。交叉注意力在每个真实的生成步骤中记录，而不是教师强制（teacher forcing）。</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>层 </translation>
    </message>
    <message>
        <source>Layer (0 = closest to the input). PgUp/PgDn</source>
        <translation>层（0 = 最靠近输入）。PgUp/PgDn</translation>
    </message>
    <message>
        <source>head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Attention head within the layer. [ / ]</source>
        <translation>该层中的注意力头。[ / ]</translation>
    </message>
    <message>
        <source>hide special</source>
        <translation>隐藏特殊词元</translation>
    </message>
    <message>
        <source>Drop [CLS]/[SEP]/&lt;s&gt; rows and columns and renormalise each row to sum to 1. Many heads park their attention on [SEP]; hiding it shows the rest.</source>
        <translation>去掉 [CLS]/[SEP]/&lt;s&gt; 的行和列，并将每行重新归一化使其和为 1。许多注意力头把注意力“停放”在 [SEP] 上；隐藏它可以看清其余部分。</translation>
    </message>
    <message>
        <source>merge sub-words</source>
        <translation>合并子词</translation>
    </message>
    <message>
        <source>Sentence-pair filter: show only attention from one sentence to the other</source>
        <translation>句对过滤：只显示从一个句子到另一个句子的注意力</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the current view as PNG or SVG at projector resolution (Ctrl+E)</source>
        <translation>以投影仪分辨率将当前视图保存为 PNG 或 SVG（Ctrl+E）</translation>
    </message>
    <message>
        <source>all heads of the layer</source>
        <translation>该层的所有注意力头</translation>
    </message>
    <message>
        <source>Draw every head of the layer, one colour each</source>
        <translation>绘制该层的每个注意力头，每个一种颜色</translation>
    </message>
    <message>
        <source>Per-head statistic, shown as a layer × head map: heads that look at [SEP] pop out</source>
        <translation>每个注意力头的统计量，以“层 × 头”图显示：关注 [SEP] 的头会一目了然</translation>
    </message>
    <message>
        <source>bertviz head view</source>
        <translation>bertviz 头视图</translation>
    </message>
    <message>
        <source>bertviz model view</source>
        <translation>bertviz 模型视图</translation>
    </message>
    <message>
        <source>Export as interactive HTML…</source>
        <translation>导出为交互式 HTML…</translation>
    </message>
    <message>
        <source>A self-contained bertviz page that opens offline in any browser</source>
        <translation>一个独立的 bertviz 网页，可在任何浏览器中离线打开</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>所有注意力头</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>头视图</translation>
    </message>
    <message>
        <source>Head statistics</source>
        <translation>注意力头统计</translation>
    </message>
    <message>
        <source>⚠ Attention weights are not explanations ({0})</source>
        <translation>⚠ 注意力权重并不是解释（{0}）</translation>
    </message>
    <message>
        <source>(causal)</source>
        <translation>（因果）</translation>
    </message>
    <message>
        <source>Load a model to see its attention.</source>
        <translation>加载一个模型以查看其注意力。</translation>
    </message>
    <message>
        <source>layer {0}, head {1}</source>
        <translation>第 {0} 层，第 {1} 个头</translation>
    </message>
    <message>
        <source>{0}, layer {1}</source>
        <translation>{0}，第 {1} 层</translation>
    </message>
    <message>
        <source>Per-head statistics are computed for self-attention</source>
        <translation>每个注意力头的统计量只针对自注意力计算</translation>
    </message>
    <message>
        <source>{0} per layer × head</source>
        <translation>{0}（按 层 × 头）</translation>
    </message>
    <message>
        <source>bertviz shows square self-attention: pick the encoder or decoder source.</source>
        <translation>bertviz 只显示方阵形式的自注意力：请选择编码器或解码器来源。</translation>
    </message>
    <message>
        <source>{0} tokens: the model view shows layer {1} only (all layers would take minutes to draw).</source>
        <translation>{0} 个词元：模型视图只显示第 {1} 层（绘制所有层需要数分钟）。</translation>
    </message>
    <message>
        <source>bertviz could not draw: {0}</source>
        <translation>bertviz 无法绘制：{0}</translation>
    </message>
    <message>
        <source>Run the model first (bertviz shows square self-attention only).</source>
        <translation>请先运行模型（bertviz 只显示方阵形式的自注意力）。</translation>
    </message>
    <message>
        <source>Export bertviz as HTML</source>
        <translation>将 bertviz 导出为 HTML</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 网页 (*.html)</translation>
    </message>
    <message>
        <source>{0}: it opens offline in any browser.</source>
        <translation>{0}：可在任何浏览器中离线打开。</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>还没有可导出的内容：请先运行模型。</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>无法导出：{0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen, the panels on screen only, large text (F5; Esc leaves)</source>
        <translation>全屏，只显示当前面板，大字体（F5；Esc 退出）</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Present one panel</source>
        <translation>演示单个面板</translation>
    </message>
    <message>
        <source>Export what is on screen (PNG + SVG)…</source>
        <translation>导出屏幕上的内容（PNG + SVG）…</translation>
    </message>
    <message>
        <source>High-contrast theme</source>
        <translation>高对比度主题</translation>
    </message>
    <message>
        <source>Heatmap colours (colour-blind safe)</source>
        <translation>热力图配色（色盲友好）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Open lesson…</source>
        <translation>打开课程…</translation>
    </message>
    <message>
        <source>Course lessons</source>
        <translation>课程内容</translation>
    </message>
    <message>
        <source>Record step from screen</source>
        <translation>从当前屏幕录制一步</translation>
    </message>
    <message>
        <source>Save lesson as…</source>
        <translation>课程另存为…</translation>
    </message>
    <message>
        <source>Export lesson as slides…</source>
        <translation>将课程导出为幻灯片…</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>The {0} panel is not part of this build yet.</source>
        <translation>当前版本还没有 {0} 面板。</translation>
    </message>
    <message>
        <source>Could not open the lesson: {0}</source>
        <translation>无法打开课程：{0}</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>PLM Studio lessons (*.json)</source>
        <translation>PLM Studio 课程 (*.json)</translation>
    </message>
    <message>
        <source>No lesson to save: record a step first (Ctrl+Shift+R).</source>
        <translation>没有可保存的课程：请先录制一步（Ctrl+Shift+R）。</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Could not save the lesson: {0}</source>
        <translation>无法保存课程：{0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Export what is on screen</source>
        <translation>导出屏幕上的内容</translation>
    </message>
    <message>
        <source>Caption (leave empty for none):</source>
        <translation>说明文字（留空则不加）：</translation>
    </message>
    <message>
        <source>PNG and SVG (*.png)</source>
        <translation>PNG 和 SVG (*.png)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>无法导出：{0}</translation>
    </message>
    <message>
        <source>Saved {0} and {1}</source>
        <translation>已保存 {0} 和 {1}</translation>
    </message>
    <message>
        <source>Open a lesson first.</source>
        <translation>请先打开一个课程。</translation>
    </message>
    <message>
        <source>Folder for the slides</source>
        <translation>幻灯片保存文件夹</translation>
    </message>
    <message>
        <source>Slides saved in {0}</source>
        <translation>幻灯片已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>Concepts</name>
    <message>
        <source>One head</source>
        <translation>单个注意力头</translation>
    </message>
    <message>
        <source>Mean over heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Max over heads</source>
        <translation>各头最大值</translation>
    </message>
    <message>
        <source>Mean of all layers</source>
        <translation>所有层平均</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>注意力展开（rollout）</translation>
    </message>
    <message>
        <source>One head: the weights of the selected layer and head.</source>
        <translation>单个注意力头：所选层和头的权重。</translation>
    </message>
    <message>
        <source>Mean over heads: the average of all heads of each layer.</source>
        <translation>各头平均：每一层所有注意力头的平均值。</translation>
    </message>
    <message>
        <source>Max over heads: the strongest weight any head of the layer gives.</source>
        <translation>各头最大值：该层任一注意力头给出的最大权重。</translation>
    </message>
    <message>
        <source>Mean over all layers and heads: one matrix for the whole model.</source>
        <translation>所有层和头的平均：整个模型一个矩阵。</translation>
    </message>
    <message>
        <source>Attention rollout (Abnar &amp; Zuidema 2020): multiply the head-averaged attention of each layer, with the residual connection added as 0.5·A + 0.5·I and rows renormalised, to estimate how much each input token flows into each position up to that layer.</source>
        <translation>注意力展开（Abnar &amp; Zuidema 2020）：将每层按头平均的注意力相乘，残差连接以 0.5·A + 0.5·I 计入并对各行重新归一化，用来估计到该层为止每个输入词元有多少信息流入每个位置。</translation>
    </message>
    <message>
        <source>Encoder self-attention</source>
        <translation>编码器自注意力</translation>
    </message>
    <message>
        <source>Decoder self-attention (causal)</source>
        <translation>解码器自注意力（因果）</translation>
    </message>
    <message>
        <source>Cross-attention while generating</source>
        <translation>生成时的交叉注意力</translation>
    </message>
    <message>
        <source>Self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>to first token</source>
        <translation>指向第一个词元</translation>
    </message>
    <message>
        <source>to separators</source>
        <translation>指向分隔符</translation>
    </message>
    <message>
        <source>to special tokens</source>
        <translation>指向特殊词元</translation>
    </message>
    <message>
        <source>to punctuation</source>
        <translation>指向标点</translation>
    </message>
    <message>
        <source>mean distance</source>
        <translation>平均距离</translation>
    </message>
    <message>
        <source>Average entropy of the head's attention rows, in nats: 0 means each token looks at exactly one token, log(n) means it spreads evenly over all n tokens.</source>
        <translation>该注意力头各行注意力的平均熵（单位：nat）：0 表示每个词元只关注一个词元，log(n) 表示均匀分布在全部 n 个词元上。</translation>
    </message>
    <message>
        <source>Average share of attention sent to the first token ([CLS], &lt;s&gt; or BOS).</source>
        <translation>分配给第一个词元（[CLS]、&lt;s&gt; 或 BOS）的平均注意力比例。</translation>
    </message>
    <message>
        <source>Average share of attention sent to separator / end tokens ([SEP], &lt;/s&gt;, ...).</source>
        <translation>分配给分隔符 / 结束词元（[SEP]、&lt;/s&gt; 等）的平均注意力比例。</translation>
    </message>
    <message>
        <source>Average share of attention sent to any special token.</source>
        <translation>分配给任意特殊词元的平均注意力比例。</translation>
    </message>
    <message>
        <source>Average share of attention sent to punctuation tokens (. , ! ? ...).</source>
        <translation>分配给标点词元（. , ! ? 等）的平均注意力比例。</translation>
    </message>
    <message>
        <source>Average distance |i - j| in tokens between a token and where it looks; small values mean the head attends locally (e.g. the previous or next token).</source>
        <translation>词元与其关注位置之间的平均距离 |i - j|（以词元计）；数值小表示该头关注局部（例如前一个或后一个词元）。</translation>
    </message>
    <message>
        <source>Word pieces are merged into whole words by adding up the attention a word receives from each piece (columns are summed) and averaging the attention its pieces give (rows are averaged), so every row still sums to 1 (Clark et al., 2019).</source>
        <translation>子词合并为完整的词：一个词接收到的注意力按其各子词相加（列求和），它发出的注意力按各子词取平均（行取平均），因此每行之和仍为 1（Clark 等，2019）。</translation>
    </message>
    <message>
        <source>Masked language modelling (BERT): 15% of input tokens are chosen; of those 80% become [MASK], 10% a random token, 10% stay unchanged, and the model predicts the originals from context on both sides. Here you choose the masks and see the softmax over the vocabulary.</source>
        <translation>掩码语言模型（BERT）：随机抽取 15% 的输入词元；其中 80% 替换为 [MASK]，10% 替换为随机词元，10% 保持不变，模型根据左右两侧的上下文预测原词。在这里由你选择要掩码的位置，并查看词表上的 softmax 分布。</translation>
    </message>
    <message>
        <source>BERT's input = token embedding + segment embedding (sentence A or B) + position embedding. [CLS] starts the input and its final vector is used for classification; [SEP] ends each sentence.</source>
        <translation>BERT 的输入 = 词元嵌入 + 段嵌入（句子 A 或 B）+ 位置嵌入。[CLS] 位于输入开头，其最终向量用于分类；[SEP] 标记每个句子的结束。</translation>
    </message>
    <message>
        <source>Attention shows where a head looks, not why the model decides: different attention patterns can give the same prediction, and value vectors and later layers change what is passed on.</source>
        <translation>注意力显示的是一个头“看向哪里”，而不是模型“为什么这样决定”：不同的注意力模式可能给出相同的预测，而且值向量和后续层会改变传递的信息。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>HeadLinesView</name>
    <message>
        <source>from</source>
        <extracomment>One colour per head (d3 category10 as in bertviz, then six more), cycled for &gt; 16 heads. Weights below this are not drawn (as in bertviz); it also keeps 512-token inputs fast. Up to this many lines are stroked by QPainter (antialiased, vector); more are rasterised in numpy, because Qt spends ~0.1–0.2 µs per pixel of translucent line and 512 tokens give millions. Raster lines are drawn in horizontal chunks of this many pixels, cached while nothing is focused. On screen, at most this many (line, pixel column) runs per chunk, heaviest lines first: the rasteriser's cost is the runs, and a chunk crossed by more lines than this is a wash anyway (64 tokens × 12 heads can give 30 000 lines). Exports draw every line.</extracomment>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>from (query)</source>
        <extracomment>Colour of cells that may not be attended to (e.g. a decoder's causal upper triangle). Outline of the selected token's row and column.</extracomment>
        <translation>从（查询 query）</translation>
    </message>
    <message>
        <source>to (key)</source>
        <translation>到（键 key）</translation>
    </message>
    <message>
        <source>(masked)</source>
        <translation>（已屏蔽）</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Previous step (← or PgUp)</source>
        <translation>上一步（← 或 PgUp）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next step (→, Space or PgDn)</source>
        <translation>下一步（→、空格或 PgDn）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Show or hide the teacher's note of the step (the class sees it too)</source>
        <translation>显示或隐藏本步骤的教师备注（学生也能看到）</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>录制一步</translation>
    </message>
    <message>
        <source>Add what is on screen now (models, panels, sentence, view settings) as a new step after this one (Ctrl+Shift+R)</source>
        <translation>把屏幕上当前的内容（模型、面板、句子、视图设置）作为新的一步插入到当前步骤之后（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Model {0} for slot {1} is not on this computer: load it from the model bar (a folder or a hub id). The rest of the lesson plays.</source>
        <translation>槽位 {1} 所需的模型 {0} 不在这台电脑上：请在模型栏中加载它（文件夹或模型库 ID）。课程的其余部分照常播放。</translation>
    </message>
    <message>
        <source>This version of PLM Studio has no {0} panel; the step shows the others.</source>
        <translation>此版本的 PLM Studio 没有 {0} 面板；本步骤显示其余面板。</translation>
    </message>
    <message>
        <source>Step {0} needs {1} in slot {2}, which could not be loaded ({3}). Load it from the model bar; the rest of the lesson plays.</source>
        <translation>第 {0} 步需要在槽位 {2} 中加载 {1}，但加载失败（{3}）。请在模型栏中加载它；课程的其余部分照常播放。</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>新课程</translation>
    </message>
    <message>
        <source>Recorded step {0}. Save the lesson to keep it.</source>
        <translation>已录制第 {0} 步。请保存课程以免丢失。</translation>
    </message>
    <message>
        <source>No lesson step</source>
        <translation>没有课程步骤</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} 个步骤</translation>
    </message>
    <message>
        <source>Step {0}/{1}: {2}</source>
        <translation>第 {0}/{1} 步：{2}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <source>Type a model name or hub id</source>
        <translation>输入模型名称或模型库 ID</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Larger text (projector)</source>
        <translation>放大文字（投影）</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About PLM Studio</source>
        <translation>关于 PLM Studio</translation>
    </message>
    <message>
        <source>The model is working</source>
        <translation>模型正在运行</translation>
    </message>
    <message>
        <source>PLM Studio — a desktop lab for pretrained language models.
Masked prediction, attention, embeddings, generation, pre-training and fine-tuning, on real Hugging Face checkpoints.</source>
        <translation>PLM Studio——预训练语言模型的桌面实验室。
在真实的 Hugging Face 检查点上演示掩码预测、注意力、嵌入、生成、预训练和微调。</translation>
    </message>
    <message>
        <source>Model {0}: {1}: {2}</source>
        <translation>模型 {0}：{1}：{2}</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <source>PLM Studio — {0}</source>
        <translation>PLM Studio — {0}</translation>
    </message>
    <message>
        <source>PLM Studio</source>
        <translation>PLM Studio</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>B: {0}</source>
        <translation>B：{0}</translation>
    </message>
</context>
<context>
    <name>MaskPanel</name>
    <message>
        <source>Examples…</source>
        <translation>示例…</translation>
    </message>
    <message>
        <source>Lesson sentences to try</source>
        <translation>课堂上可以试的句子</translation>
    </message>
    <message>
        <source>top-</source>
        <translation>前 </translation>
    </message>
    <message>
        <source>How many candidates to show for each [MASK]</source>
        <translation>每个 [MASK] 显示多少个候选词</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Predict the masked tokens (Ctrl+Enter)</source>
        <translation>预测被掩码的词元（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>The sub-word tokens the model sees. Click a word to replace all its pieces with [MASK].</source>
        <translation>模型看到的子词词元。点击一个词，把它的所有子词替换为 [MASK]。</translation>
    </message>
    <message>
        <source>Click a word to mask it · bars show P(token | context) at each [MASK]</source>
        <translation>点击一个词即可掩码 · 条形图显示每个 [MASK] 处的 P(词元 | 上下文)</translation>
    </message>
    <message>
        <source>A small BERT (MLM + NSP) trained on children's stories; works offline</source>
        <translation>一个用儿童故事训练的小型 BERT（MLM + NSP）；可离线使用</translation>
    </message>
    <message>
        <source>Download bert-base-uncased from the Hugging Face hub (440 MB, needs internet)</source>
        <translation>从 Hugging Face 模型库下载 bert-base-uncased（440 MB，需要联网）</translation>
    </message>
    <message>
        <source>Downloaded once with a progress bar in the model bar, then it works offline</source>
        <translation>只需下载一次，模型栏中显示进度条，之后即可离线使用</translation>
    </message>
    <message>
        <source>Choose a model folder with a masked-LM head…</source>
        <translation>选择一个带掩码语言模型输出头的模型文件夹…</translation>
    </message>
    <message>
        <source>Any BERT, RoBERTa, ALBERT, DistilBERT or ELECTRA generator saved with save_pretrained (config.json + weights)</source>
        <translation>任何用 save_pretrained 保存的 BERT、RoBERTa、ALBERT、DistilBERT 或 ELECTRA 生成器（config.json + 权重）</translation>
    </message>
    <message>
        <source>Offline: pre-train a tiny masked LM in the pre-training lab</source>
        <translation>离线：在预训练实验室中预训练一个微型掩码语言模型</translation>
    </message>
    <message>
        <source>Trains a few-layer BERT from scratch on the sample stories in minutes on a laptop; its predictions are rough but real</source>
        <translation>在笔记本电脑上用示例故事从零训练一个几层的 BERT，只需几分钟；预测虽然粗糙，但都是真实的</translation>
    </message>
    <message>
        <source>Type a sentence with {0}, or click a word below to mask it</source>
        <translation>输入一个带 {0} 的句子，或点击下面的词将其掩码</translation>
    </message>
    <message>
        <source>Its checkpoint contains only the encoder: the masked-language-model head (the layer that turns a hidden vector into a probability for every word in the vocabulary) was not saved with it. A randomly initialised head would only predict noise, so this panel stays off.</source>
        <translation>它的检查点只包含编码器：掩码语言模型的输出头（把隐藏向量变成词表中每个词的概率的那一层）没有一起保存。随机初始化的输出头只会预测噪声，所以此面板保持关闭。</translation>
    </message>
    <message>
        <source>It is a causal (left-to-right) language model like GPT: it predicts the &lt;i&gt;next&lt;/i&gt; token from the tokens before it, and was never trained to fill a [MASK] using both sides.</source>
        <translation>它是一个像 GPT 那样的因果（从左到右）语言模型：它根据前面的词元预测&lt;i&gt;下一个&lt;/i&gt;词元，从未被训练过利用两侧上下文填充 [MASK]。</translation>
    </message>
    <message>
        <source>It is an encoder-decoder: it fills gaps by generating the missing span (T5 span corruption, BART denoising) rather than with a masked-LM head.</source>
        <translation>它是一个编码器-解码器：它通过生成缺失的片段来填空（T5 片段破坏、BART 去噪），而不是使用掩码语言模型输出头。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Load a model trained with masked language modelling — &lt;b&gt;stories-bert-mini&lt;/b&gt; (offline, children's stories), or &lt;b&gt;bert-base-uncased&lt;/b&gt; / &lt;b&gt;roberta-base&lt;/b&gt; from the hub. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} 无法预测被掩码的词。&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;请加载一个用掩码语言模型训练的模型——&lt;b&gt;stories-bert-mini&lt;/b&gt;（离线，儿童故事），或从模型库获取 &lt;b&gt;bert-base-uncased&lt;/b&gt; / &lt;b&gt;roberta-base&lt;/b&gt;。{0} 仍可在词元面板和注意力面板中使用。</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json)</source>
        <translation>选择模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <source>No model is loaded yet. Pick one in the model bar at the top.</source>
        <translation>尚未加载模型。请在顶部的模型栏中选择一个。</translation>
    </message>
    <message>
        <source>Load {0} (on this computer)</source>
        <translation>加载 {0}（在这台电脑上）</translation>
    </message>
    <message>
        <source>That token is already masked. Use Ctrl+Z in the text field to undo.</source>
        <translation>该词元已被掩码。在文本框中按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>The text was cut to the model's {0} tokens.</source>
        <translation>文本已被截断为模型的 {0} 个词元。</translation>
    </message>
    <message>
        <source>mask {0} of {1} (token {2})</source>
        <translation>第 {0} 个掩码，共 {1} 个（词元 {2}）</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Model {0}:</source>
        <translation>模型 {0}：</translation>
    </message>
    <message>
        <source>A model folder (with config.json), a bundled model, or a Hugging Face hub id such as bert-base-uncased. Hub models are downloaded once, then work offline.</source>
        <translation>模型文件夹（含 config.json）、内置模型，或 Hugging Face 模型库 ID（例如 bert-base-uncased）。模型库中的模型只需下载一次，之后可离线使用。</translation>
    </message>
    <message>
        <source>model folder, bundled name or hub id (e.g. bert-base-uncased)</source>
        <translation>模型文件夹、内置模型名或模型库 ID（例如 bert-base-uncased）</translation>
    </message>
    <message>
        <source>optional second model, to compare side by side</source>
        <translation>可选的第二个模型，用于并排比较</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Pick a model folder on disk (Ctrl+O)</source>
        <translation>在磁盘上选择模型文件夹（Ctrl+O）</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Load the model (Enter)</source>
        <translation>加载模型（回车）</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>Empty slot {0}: panels pinned to it show nothing</source>
        <translation>清空槽位 {0}：固定到该槽位的面板将不显示内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading or downloading</source>
        <translation>停止加载或下载</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>hub cache</source>
        <translation>模型库缓存</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json)</source>
        <translation>选择模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <source>{0:.1f} / {1:.1f} MB</source>
        <translation>{0:.1f} / {1:.1f} MB</translation>
    </message>
</context>
<context>
    <name>PanelHeader</name>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Which loaded model this panel shows: slot A (the default) or slot B. Pin two panels to different slots to compare two models side by side.</source>
        <translation>此面板显示哪个已加载的模型：槽位 A（默认）或槽位 B。把两个面板固定到不同槽位，即可并排比较两个模型。</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已联动</translation>
    </message>
    <message>
        <source>Own text</source>
        <translation>独立文本</translation>
    </message>
    <message>
        <source>Linked: this panel shows the same sentence (and selected word) as the other linked panels. Unlink to give it its own text.</source>
        <translation>联动：此面板与其他联动面板显示同一个句子（以及选中的词）。取消联动可使用独立的文本。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Masked prediction</source>
        <translation>掩码预测</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
</context>
<context>
    <name>ScreenExport</name>
    <message>
        <source>Model {0}: {1}</source>
        <extracomment>Caption band height in logical pixels per text line.</extracomment>
        <translation>模型 {0}：{1}</translation>
    </message>
    <message>
        <source>Input: “{0}”</source>
        <translation>输入：“{0}”</translation>
    </message>
</context>
<context>
    <name>TokenStrip</name>
    <message>
        <source>pos {0}</source>
        <translation>位置 {0}</translation>
    </message>
    <message>
        <source>{0} is a special token added by the tokenizer ([CLS] starts the input, [SEP] ends each sentence).</source>
        <translation>{0} 是分词器添加的特殊词元（[CLS] 位于输入开头，[SEP] 标记每个句子的结束）。</translation>
    </message>
    <message>
        <source>token {0}: '{1}' (id {2}), sentence {3}, word {4}, characters {5}–{6}: '{7}'. Pieces starting with ## continue the previous word (WordPiece).</source>
        <translation>词元 {0}：“{1}”（ID {2}），句子 {3}，第 {4} 个词，字符 {5}–{6}：“{7}”。以 ## 开头的子词接续前一个词（WordPiece）。</translation>
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <source>optional second sentence (sentence B)</source>
        <translation>可选的第二个句子（句子 B）</translation>
    </message>
    <message>
        <source>Examples…</source>
        <translation>示例…</translation>
    </message>
    <message>
        <source>Sentence A</source>
        <translation>句子 A</translation>
    </message>
    <message>
        <source>Sentence B</source>
        <translation>句子 B</translation>
    </message>
    <message>
        <source>Load a model to see how its tokenizer splits text.</source>
        <translation>加载一个模型，查看它的分词器如何切分文本。</translation>
    </message>
    <message>
        <source>Cut to the model's maximum of {0} tokens.</source>
        <translation>已截断为模型最多 {0} 个词元。</translation>
    </message>
    <message>
        <source>token embedding</source>
        <translation>词元嵌入</translation>
    </message>
    <message>
        <source>token id</source>
        <translation>词元 ID</translation>
    </message>
    <message>
        <source>segment embedding</source>
        <translation>段嵌入</translation>
    </message>
    <message>
        <source>position embedding</source>
        <translation>位置嵌入</translation>
    </message>
    <message>
        <source>{0} tokens: {1} words → {2} sub-word pieces + {3} special tokens. Each column's three embeddings are added to form the model's input vector.</source>
        <translation>{0} 个词元：{1} 个词 → {2} 个子词 + {3} 个特殊词元。每一列的三种嵌入相加，构成模型的输入向量。</translation>
    </message>
</context>
</TS>