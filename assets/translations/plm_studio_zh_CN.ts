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
        <source>greedy decoding</source>
        <translation>贪心解码</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>beam search</source>
        <translation>束搜索</translation>
    </message>
    <message>
        <source>From the generation run ({0}): the cross-attention recorded at each of its {1} steps. Press Run to compute this panel's own greedy run again.</source>
        <translation>来自生成运行（{0}）：其 {1} 个步骤中每一步记录的交叉注意力。按“运行”可重新计算本面板自己的贪心运行。</translation>
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
    <name>BeamPage</name>
    <message>
        <source>A long search scrolls: drag the tree, use the scroll bar or ←/→ (Home/End), zoom with the wheel. Hover a node to read its whole hypothesis.</source>
        <translation>较长的搜索可以滚动：拖动树、使用滚动条或 ←/→（Home/End），用滚轮缩放。将鼠标悬停在节点上可阅读完整的假设。</translation>
    </message>
    <message>
        <source>Scroll along the steps of the search; at the right end the view follows the newest steps.</source>
        <translation>沿搜索步骤滚动；滚动到最右端时，视图会跟随最新的步骤。</translation>
    </message>
    <message>
        <source>Every hypothesis with its summed log-probability. Blue: still alive; green squares: finished; grey: pruned. ★ and the gold line mark the best finished sequence (scored with the length penalty).</source>
        <translation>每个假设及其累计对数概率。蓝色：仍在束中；绿色方块：已结束；灰色：已剪枝。★ 和金色线条标出最佳的已结束序列（按长度惩罚计分）。</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Finished hypotheses (score = log-prob / length^penalty):</source>
        <translation>已完成的假设（分数 = 对数概率 / 长度^惩罚）：</translation>
    </message>
</context>
<context>
    <name>BeamTreeView</name>
    <message>
        <source>step</source>
        <extracomment>Who gets a label first when a column is crowded.</extracomment>
        <translation>步</translation>
    </message>
    <message>
        <source>still in the beam</source>
        <translation>仍在束中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>★ best finished hypothesis</source>
        <translation>★ 最佳已结束假设</translation>
    </message>
    <message>
        <source>Step {0}: {1}
summed log-probability {2:.3f} · {3}</source>
        <translation>第 {0} 步：{1}
累计对数概率 {2:.3f} · {3}</translation>
    </message>
</context>
<context>
    <name>BranchTreeView</name>
    <message>
        <source>main: {0} tokens</source>
        <translation>主线：{0} 个词元</translation>
    </message>
    <message>
        <source>step {0} → {1}: {2} tokens</source>
        <translation>第 {0} 步 → {1}：{2} 个词元</translation>
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
    <name>DecodingControls</name>
    <message>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>beam search</source>
        <translation>束搜索</translation>
    </message>
    <message>
        <source>&amp;Decoding</source>
        <translation>解码(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>温度(&amp;T)</translation>
    </message>
    <message>
        <source>Top-&amp;k</source>
        <translation>Top-k 截断(&amp;K)</translation>
    </message>
    <message>
        <source>Top-&amp;p</source>
        <translation>Top-p 截断(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Min-p</source>
        <translation>Min-p 截断(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Repetition</source>
        <translation>重复惩罚(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Beams</source>
        <translation>束宽(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Length pen.</source>
        <translation>长度惩罚(&amp;L)</translation>
    </message>
    <message>
        <source>Ma&amp;x new</source>
        <translation>最多新词元(&amp;X)</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>随机种子(&amp;E)</translation>
    </message>
    <message>
        <source>Stop at EOS</source>
        <translation>遇到 EOS 停止</translation>
    </message>
    <message>
        <source>Greedy takes the most likely token each step. Sampling draws from the processed distribution. Beam search keeps the k best partial sequences by summed log-probability.</source>
        <translation>贪心解码在每一步取最可能的词元。采样从处理后的分布中抽取。束搜索按对数概率之和保留 k 个最好的部分序列。</translation>
    </message>
    <message>
        <source>Divides the logits before softmax: below 1 sharpens, above 1 flattens the distribution. 0 means greedy decoding. Used only when sampling, as in transformers' generate.</source>
        <translation>在 softmax 之前除以 logits：小于 1 使分布更尖锐，大于 1 使其更平坦。0 表示贪心解码。与 transformers 的 generate 一样，只在采样时使用。</translation>
    </message>
    <message>
        <source>Keep only the k most likely tokens (ties at the k-th value are kept). 0 = off.</source>
        <translation>只保留最可能的 k 个词元（与第 k 个值相同的也保留）。0 = 关闭。</translation>
    </message>
    <message>
        <source>Nucleus sampling: keep the smallest set of most likely tokens whose probability reaches p; the token that crosses the threshold is kept. 1.0 = off. Must lie in (0, 1].</source>
        <translation>核采样：保留概率累计达到 p 的最小高概率词元集合；越过阈值的那个词元也保留。1.0 = 关闭。必须在 (0, 1] 内。</translation>
    </message>
    <message>
        <source>Drop tokens less likely than min-p × the top token's probability. 0 = off.</source>
        <translation>去掉概率低于 min-p × 最高词元概率的词元。0 = 关闭。</translation>
    </message>
    <message>
        <source>CTRL repetition penalty: logits of tokens already in the text are divided by it (multiplied when negative). Applied first, before temperature. 1.0 = off.</source>
        <translation>CTRL 重复惩罚：文本中已出现词元的 logits 除以该值（为负时相乘）。最先应用，在温度之前。1.0 = 关闭。</translation>
    </message>
    <message>
        <source>How many hypotheses beam search keeps at each step.</source>
        <translation>束搜索在每一步保留多少个假设。</translation>
    </message>
    <message>
        <source>Finished beams are ranked by log-prob / length^penalty: above 0 favours longer outputs.</source>
        <translation>已完成的束按 对数概率 / 长度^惩罚 排序：大于 0 偏向更长的输出。</translation>
    </message>
    <message>
        <source>How many new tokens to generate at most.</source>
        <translation>最多生成多少个新词元。</translation>
    </message>
    <message>
        <source>Random seed for sampling: the same seed gives the same text.</source>
        <translation>采样用的随机种子：相同的种子得到相同的文本。</translation>
    </message>
    <message>
        <source>End when the model produces its end-of-sequence token.</source>
        <translation>当模型生成序列结束词元时停止。</translation>
    </message>
    <message>
        <source>Checkpoint defaults (generation_config.json): temperature {0}, top-k {1}, top-p {2}, repetition penalty {3}, {4} new tokens.</source>
        <translation>检查点默认值（generation_config.json）：温度 {0}，top-k {1}，top-p {2}，重复惩罚 {3}，{4} 个新词元。</translation>
    </message>
    <message>
        <source>Temperature 0 means greedy decoding: the most likely token every step.</source>
        <translation>温度 0 表示贪心解码：每一步都取最可能的词元。</translation>
    </message>
    <message>
        <source>Temperature, top-k, top-p and min-p act only when sampling, as in transformers' generate.</source>
        <translation>与 transformers 的 generate 一样，温度、top-k、top-p 和 min-p 只在采样时起作用。</translation>
    </message>
</context>
<context>
    <name>EmbeddingPlots</name>
    <message>
        <source>PC 1 ({0}% of variance)</source>
        <translation>主成分 1（{0}% 方差）</translation>
    </message>
    <message>
        <source>PC 2 ({0}% of variance)</source>
        <translation>主成分 2（{0}% 方差）</translation>
    </message>
    <message>
        <source>baseline (random token pairs)</source>
        <translation>基线（随机词元对）</translation>
    </message>
    <message>
        <source>layer (0 = embeddings)</source>
        <translation>层（0 = 嵌入层）</translation>
    </message>
    <message>
        <source>mean cosine</source>
        <translation>平均余弦</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0}: self − baseline</source>
        <translation>{0}：自相似度 − 基线</translation>
    </message>
    <message>
        <source>{0}: self-similarity</source>
        <translation>{0}：自相似度</translation>
    </message>
</context>
<context>
    <name>EmbeddingPresets</name>
    <message>
        <source>United Airlines: nested spans</source>
        <translation>United Airlines：嵌套片段</translation>
    </message>
    <message>
        <source>a little girl named Lily</source>
        <translation>一个名叫 Lily 的小女孩</translation>
    </message>
    <message>
        <source>bank: river and money senses</source>
        <translation>bank：河岸与银行两种词义</translation>
    </message>
    <message>
        <source>park: a place and a verb (children's stories)</source>
        <translation>park：地点与动词（儿童故事）</translation>
    </message>
    <message>
        <source>play: a game and a theatre show</source>
        <translation>play：游戏与戏剧演出</translation>
    </message>
    <message>
        <source>sentence similarity (MiniLM mean pooling)</source>
        <translation>句子相似度（MiniLM 平均池化）</translation>
    </message>
</context>
<context>
    <name>EmbeddingsPanel</name>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the model once on all sentences (Ctrl+Enter); every other control re-uses that result</source>
        <translation>对所有句子运行一次模型（Ctrl+Enter）；其他所有控件都复用这个结果</translation>
    </message>
    <message>
        <source>Lesson presets: a word used in different senses</source>
        <translation>课程预设：一个词的不同词义</translation>
    </message>
    <message>
        <source>One sentence per line (at most 64; empty lines are ignored)</source>
        <translation>每行一个句子（最多 64 句；空行会被忽略）</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标词：</translation>
    </message>
    <message>
        <source>The word whose occurrences are compared. Click a word below, or type one and press Enter.</source>
        <translation>要比较其各次出现的词。点击下面的词，或输入一个词后按回车。</translation>
    </message>
    <message>
        <source>Also plot:</source>
        <translation>同时绘制：</translation>
    </message>
    <message>
        <source>more words for the layer curves, comma-separated</source>
        <translation>更多要画层曲线的词，用逗号分隔</translation>
    </message>
    <message>
        <source>Vector:</source>
        <translation>向量：</translation>
    </message>
    <message>
        <source>one layer</source>
        <translation>单层</translation>
    </message>
    <message>
        <source>mean of last four layers</source>
        <translation>最后四层平均</translation>
    </message>
    <message>
        <source>ELMo scalar mix</source>
        <translation>ELMo 层加权</translation>
    </message>
    <message>
        <source>One layer: the hidden state of that layer. Mean of the last four: BERT's recipe for features. ELMo scalar mix: γ · Σ softmax(s)ⱼ hⱼ with the sliders on the left.</source>
        <translation>单层：该层的隐藏状态。最后四层平均：BERT 提取特征的做法。ELMo 层加权：γ · Σ softmax(s)ⱼ hⱼ，权重由左侧滑块设定。</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>层 </translation>
    </message>
    <message>
        <source>Layer 0 is the embedding output; the top layer is the last (PgUp/PgDn)</source>
        <translation>第 0 层是嵌入层的输出；最顶层是最后一层（PgUp/PgDn）</translation>
    </message>
    <message>
        <source>Sub-words:</source>
        <translation>子词：</translation>
    </message>
    <message>
        <source>mean of pieces</source>
        <translation>子词平均</translation>
    </message>
    <message>
        <source>first piece</source>
        <translation>第一个子词</translation>
    </message>
    <message>
        <source>A word split into several sub-word tokens (play ##ing) gets one vector: the mean of its pieces, or the first piece as in BERT's NER recipe.</source>
        <translation>被切分成多个子词的词（play ##ing）只得到一个向量：各子词的平均，或像 BERT 的 NER 做法那样取第一个子词。</translation>
    </message>
    <message>
        <source>Sentence vector:</source>
        <translation>句向量：</translation>
    </message>
    <message>
        <source>mean pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>first token ([CLS])</source>
        <translation>第一个词元（[CLS]）</translation>
    </message>
    <message>
        <source>last token</source>
        <translation>最后一个词元</translation>
    </message>
    <message>
        <source>How a sentence becomes one vector (Sentences tab). MiniLM was trained for mean pooling; a decoder's last token has read it all.</source>
        <translation>一个句子如何变成一个向量（“句子”标签页）。MiniLM 是用平均池化训练的；解码器的最后一个词元已经读过整句。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the visible view as PNG or SVG (Ctrl+E)</source>
        <translation>将当前视图保存为 PNG 或 SVG（Ctrl+E）</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Layer curves</source>
        <translation>层曲线</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>左侧上下文</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>近邻</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Ethayarajh (2019): self-similarity = mean cosine between the target's occurrences; the baseline = mean cosine between random token pairs (all vectors share a direction: anisotropy); their difference shows how contextual the word really is at each layer.</source>
        <translation>Ethayarajh（2019）：自相似度 = 目标词各次出现之间的平均余弦；基线 = 随机词元对之间的平均余弦（所有向量共享一个方向：各向异性）；两者之差表明该词在每一层到底有多“上下文化”。</translation>
    </message>
    <message>
        <source>PCA of every token vector at the chosen layer; hover a point</source>
        <translation>所选层上每个词元向量的 PCA；把鼠标移到点上查看</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Load a model to compare its embeddings.</source>
        <translation>加载一个模型来比较它的嵌入。</translation>
    </message>
    <message>
        <source>{0} empty line(s) ignored.</source>
        <translation>已忽略 {0} 个空行。</translation>
    </message>
    <message>
        <source>Only the first {0} of {1} sentences are used (at most {0}).</source>
        <translation>只使用了 {1} 个句子中的前 {0} 个（最多 {0} 个）。</translation>
    </message>
    <message>
        <source>Sentence(s) {0} cut to {1} tokens, the most used here.</source>
        <translation>句子 {0} 被截断为 {1} 个词元（此处使用的最大长度）。</translation>
    </message>
    <message>
        <source>Only one sentence: self-similarity needs the target in at least two contexts. Add another sentence on a new line.</source>
        <translation>只有一个句子：自相似度需要目标词至少出现在两个上下文中。请在新的一行再加一个句子。</translation>
    </message>
    <message>
        <source>'{0}' occurs once: self-similarity needs two occurrences.</source>
        <translation>“{0}”只出现一次：自相似度需要至少出现两次。</translation>
    </message>
    <message>
        <source>'{0}' is not in sentence(s) {1}.</source>
        <translation>“{0}”不在句子 {1} 中。</translation>
    </message>
    <message>
        <source>'{0}' is split into sub-words ({1}): its pieces are pooled ({2}).</source>
        <translation>“{0}”被切分为子词（{1}）：其子词已合并（{2}）。</translation>
    </message>
    <message>
        <source>'{0}' is not in GloVe's 400,000-word vocabulary: no GloVe vector.</source>
        <translation>“{0}”不在 GloVe 的 40 万词词表中：没有 GloVe 向量。</translation>
    </message>
    <message>
        <source>GloVe is unavailable: {0}</source>
        <translation>GloVe 不可用：{0}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>last-four mean</source>
        <translation>最后四层平均</translation>
    </message>
    <message>
        <source>scalar mix</source>
        <translation>层加权</translation>
    </message>
    <message>
        <source>S{0}</source>
        <translation>句{0}</translation>
    </message>
    <message>
        <source>Input embeddings</source>
        <translation>输入嵌入</translation>
    </message>
    <message>
        <source>Contextual · {0}</source>
        <translation>上下文 · {0}</translation>
    </message>
    <message>
        <source>Sentence cosine · {0}</source>
        <translation>句子余弦 · {0}</translation>
    </message>
    <message>
        <source>'{0}' occurs in none of the sentences: not plotted.</source>
        <translation>“{0}”没有出现在任何句子中：未绘制。</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>还没有可导出的内容：请先运行模型。</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Could not export: {0}</source>
        <translation>无法导出：{0}</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>FineTuneForm</name>
    <message>
        <source>Sequence classification ([CLS] → label)</source>
        <translation>序列分类（[CLS] → 标签）</translation>
    </message>
    <message>
        <source>Sentence pair ([CLS] A [SEP] B [SEP])</source>
        <translation>句对（[CLS] A [SEP] B [SEP]）</translation>
    </message>
    <message>
        <source>Token labelling (BIO tags)</source>
        <translation>词元标注（BIO 标签）</translation>
    </message>
    <message>
        <source>Span classification (nested entities)</source>
        <translation>片段分类（嵌套实体）</translation>
    </message>
    <message>
        <source>Causal LM (learn a style)</source>
        <translation>因果语言模型（学习一种文风）</translation>
    </message>
    <message>
        <source>Classification reads y = softmax(W·h_CLS) (the last token for decoders, as in GPT-1); token labelling puts a word's tag on its first sub-word; span classification scores every span up to L words with FFN(spanRep).</source>
        <translation>分类读取 y = softmax(W·h_CLS)（解码器用最后一个词元，如 GPT-1）；词元标注把词的标签放在它的第一个子词上；片段分类用 FFN(片段表示) 为长度不超过 L 个词的每个片段打分。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <source>Feature-based (frozen encoder, head only)</source>
        <translation>基于特征（冻结编码器，只训练输出头）</translation>
    </message>
    <message>
        <source>Freeze the bottom N layers</source>
        <translation>冻结底部 N 层</translation>
    </message>
    <message>
        <source>LoRA (low-rank adapters, peft)</source>
        <translation>LoRA（低秩适配器，peft）</translation>
    </message>
    <message>
        <source>Full: every weight moves (use a low learning rate). Feature-based: the pre-trained encoder is frozen, like ELMo features. Freezing keeps the general bottom layers. LoRA learns W + B·A with a small rank r.</source>
        <translation>全量：所有权重都会更新（使用较小的学习率）。基于特征：预训练编码器被冻结，就像 ELMo 特征。冻结可保留通用的底层。LoRA 学习 W + B·A，秩 r 很小。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>What trains</source>
        <translation>训练哪些参数</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Probe sentence</source>
        <translation>探针句子</translation>
    </message>
    <message>
        <source>Use the sample data</source>
        <translation>使用示例数据</translation>
    </message>
    <message>
        <source>Open CSV / TSV / JSONL…</source>
        <translation>打开 CSV / TSV / JSONL…</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>Sentence B column</source>
        <translation>句子 B 列</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Words column</source>
        <translation>词列</translation>
    </message>
    <message>
        <source>Tags column</source>
        <translation>标签序列列</translation>
    </message>
    <message>
        <source>Spans column</source>
        <translation>片段列</translation>
    </message>
    <message>
        <source>Label every sub-word (not only the first)</source>
        <translation>给每个子词都打标签（不只第一个）</translation>
    </message>
    <message>
        <source>Longest span L (words)</source>
        <translation>最长片段 L（词数）</translation>
    </message>
    <message>
        <source>Every span of up to L words is scored: y_ij = softmax(W·[FFN_start(h_i); FFN_end(h_j); attention-pooled h_i..h_j]); nested entities are allowed.</source>
        <translation>对所有长度不超过 L 个词的片段打分：y_ij = softmax(W·[FFN_start(h_i); FFN_end(h_j); 注意力池化 h_i..h_j])；允许嵌套实体。</translation>
    </message>
    <message>
        <source>Off: only a word's first sub-word carries its tag, the others get −100 and are ignored by the loss; predictions are read from the first sub-word.</source>
        <translation>关闭：只有词的第一个子词带标签，其余子词记为 −100，被损失函数忽略；预测也从第一个子词读取。</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Frozen bottom layers</source>
        <translation>冻结的底部层数</translation>
    </message>
    <message>
        <source>LoRA rank r</source>
        <translation>LoRA 秩 r</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA 缩放系数 alpha</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA 随机失活 (dropout)</translation>
    </message>
    <message>
        <source>LoRA target modules</source>
        <translation>LoRA 目标模块</translation>
    </message>
    <message>
        <source>default for the model (e.g. query, value)</source>
        <translation>模型的默认值（例如 query、value）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation>预热比例</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation>最大长度（词元）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Full fine-tuning of a large model: 2e-5 … 5e-5 (small models and tiny data tolerate 1e-4 … 5e-4). Heads and LoRA: 1e-4 … 1e-3.</source>
        <translation>大模型全量微调：2e-5 … 5e-5（小模型和极小数据可用 1e-4 … 5e-4）。仅训练输出头和 LoRA：1e-4 … 1e-3。</translation>
    </message>
    <message>
        <source>auto: bf16 mixed precision on a GPU that supports it, else fp16 with a gradient scaler; fp32 on the CPU.</source>
        <translation>自动：在支持的 GPU 上用 bf16 混合精度，否则用带梯度缩放的 fp16；CPU 上用 fp32。</translation>
    </message>
    <message>
        <source>A sentence to watch during training</source>
        <translation>训练过程中要观察的句子</translation>
    </message>
    <message>
        <source>Sentence B (pairs)</source>
        <translation>句子 B（句对）</translation>
    </message>
    <message>
        <source>Open a dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.jsonl *.json *.txt)</source>
        <translation>数据文件 (*.csv *.tsv *.jsonl *.json *.txt)</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>尚未加载数据。</translation>
    </message>
    <message>
        <source>{0}: {1} rows</source>
        <translation>{0}：{1} 行</translation>
    </message>
</context>
<context>
    <name>FineTunePanel</name>
    <message>
        <source>Model {0}</source>
        <translation>模型 {0}</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Train a copy of this model on its own thread (Ctrl+Enter); the other panels stay usable.</source>
        <translation>在独立线程上训练该模型的一个副本（Ctrl+Enter）；其他面板仍可使用。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and discard the run (Ctrl+.)</source>
        <translation>在当前步骤后停止并丢弃本次训练（Ctrl+.）</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>停止并保存</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint you can resume (Ctrl+Shift+S)</source>
        <translation>在当前步骤后停止并保存一个可以继续训练的检查点（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>继续训练…</translation>
    </message>
    <message>
        <source>Continue a saved run exactly where it stopped.</source>
        <translation>从上次停止的地方准确地继续一次已保存的训练。</translation>
    </message>
    <message>
        <source>Export as script…</source>
        <translation>导出为脚本…</translation>
    </message>
    <message>
        <source>Write a standalone training script and config for these settings, runnable with 'accelerate launch' on several GPUs.</source>
        <translation>为这些设置写出独立的训练脚本和配置，可用 “accelerate launch” 在多块 GPU 上运行。</translation>
    </message>
    <message>
        <source>Open result in slot</source>
        <translation>在槽位中打开结果</translation>
    </message>
    <message>
        <source>Load the saved fine-tuned model into the other panels.</source>
        <translation>把保存的微调模型加载到其他面板中。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>发生了什么变化</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>比较多次训练</translation>
    </message>
    <message>
        <source>Relative weight change ‖W_after − W_before‖ / ‖W_before‖ per layer (grey: frozen)</source>
        <translation>每层的相对权重变化 ‖W_after − W_before‖ / ‖W_before‖（灰色：冻结）</translation>
    </message>
    <message>
        <source>What trains (share of each layer)</source>
        <translation>训练哪些参数（每层所占比例）</translation>
    </message>
    <message>
        <source>Probe attention, before → now:</source>
        <translation>探针注意力，训练前 → 现在：</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>true label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>predicted label (share of each true label)</source>
        <translation>预测标签（占每个真实标签的比例）</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Pick a task and press Start training (device: {0}).</source>
        <translation>选择任务，然后点击“开始训练”（设备：{0}）。</translation>
    </message>
    <message>
        <source>Load a model first: fine-tuning trains a copy of the panel's model.</source>
        <translation>请先加载模型：微调训练的是该面板模型的一个副本。</translation>
    </message>
    <message>
        <source>Trainable parameters: {0:,} of {1:,} ({2:.2f}%)</source>
        <translation>可训练参数：{0:,} / {1:,}（{2:.2f}%）</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>请先加载模型。</translation>
    </message>
    <message>
        <source>Preparing the model copy and the data…</source>
        <translation>正在准备模型副本和数据…</translation>
    </message>
    <message>
        <source>Resuming {0}…</source>
        <translation>正在继续 {0}…</translation>
    </message>
    <message>
        <source>Saving after this step…</source>
        <translation>将在这一步之后保存…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>将在这一步之后停止…</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>probing</source>
        <translation>探测中</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>评估中</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>保存中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{0} · epoch {1:.2f} · step {2}/{3} · loss {4} · ETA {5} · {6} {7}</source>
        <translation>{0} · 第 {1:.2f} 轮 · 第 {2}/{3} 步 · 损失 {4} · 剩余 {5} · {6} {7}</translation>
    </message>
    <message>
        <source>Stopped at step {0} and saved to {1}</source>
        <translation>在第 {0} 步停止并保存到 {1}</translation>
    </message>
    <message>
        <source>Stopped at step {0}.</source>
        <translation>在第 {0} 步停止。</translation>
    </message>
    <message>
        <source>Done: {0} steps in {1:.0f} s. {2}</source>
        <translation>完成：{0} 步，用时 {1:.0f} 秒。{2}</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>训练已停止：{0}</translation>
    </message>
    <message>
        <source>Stopped; the run was discarded (nothing saved).</source>
        <translation>已停止；本次训练已丢弃（未保存任何内容）。</translation>
    </message>
    <message>
        <source>Pick a saved run to resume</source>
        <translation>选择一次已保存的训练以继续</translation>
    </message>
    <message>
        <source>Folder for the training script</source>
        <translation>训练脚本的保存文件夹</translation>
    </message>
    <message>
        <source>Wrote {0} (run it with: accelerate launch {1})</source>
        <translation>已写入 {0}（运行方式：accelerate launch {1}）</translation>
    </message>
    <message>
        <source>The fine-tuned model is in slot {0}.</source>
        <translation>微调后的模型在槽位 {0} 中。</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A fine-tune is still training. Stop it (unsaved progress is lost) and close?</source>
        <translation>一个微调仍在训练中。要停止它（未保存的进度会丢失）并关闭吗？</translation>
    </message>
</context>
<context>
    <name>GenerationOutputPage</name>
    <message>
        <source>Each token is shaded by its surprisal −log₂ p (white: expected, red: surprising), from the raw model probabilities. Click a generated token to inspect that step.</source>
        <translation>每个词元按其惊奇度 −log₂ p 着色（白色：意料之中，红色：出乎意料），基于模型的原始概率。点击一个生成的词元查看那一步。</translation>
    </message>
    <message>
        <source>Perplexity = exp(mean negative log-likelihood): the lectures' PPL. Lower means the model found the text more predictable.</source>
        <translation>困惑度 = exp(平均负对数似然)：即课上讲的 PPL。越低表示模型觉得文本越可预测。</translation>
    </message>
    <message>
        <source>Branches (click to switch):</source>
        <translation>分支（点击切换）：</translation>
    </message>
    <message>
        <source>Perplexity of the output: {0} ({1} tokens). The source is read by the encoder and has no perplexity of its own.</source>
        <translation>输出的困惑度：{0}（{1} 个词元）。源文本由编码器读取，本身没有困惑度。</translation>
    </message>
    <message>
        <source>Perplexity: prompt {0} ({1} tokens scored) · output {2} ({3} tokens)</source>
        <translation>困惑度：提示 {0}（评分 {1} 个词元）· 输出 {2}（{3} 个词元）</translation>
    </message>
</context>
<context>
    <name>GenerationPanel</name>
    <message>
        <source>Type a prompt (empty: a decoder starts from its BOS token)</source>
        <translation>输入提示（为空时解码器从 BOS 词元开始）</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Stream new tokens with the settings below (Ctrl+Enter)</source>
        <translation>按下面的设置流式生成新词元（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Generate exactly one more token (F10, as 'step over' in a debugger)</source>
        <translation>只再生成一个词元（F10，如调试器中的“单步跳过”）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step (Esc)</source>
        <translation>在当前步骤之后停止（Esc）</translation>
    </message>
    <message>
        <source>Output &amp;&amp; step inspector</source>
        <translation>输出 &amp;&amp; 单步检查</translation>
    </message>
    <message>
        <source>Beam tree</source>
        <translation>束搜索树</translation>
    </message>
    <message>
        <source>Prompting</source>
        <translation>提示工程</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>No model is loaded yet. Pick one in the model bar at the top.</source>
        <translation>尚未加载模型。请在顶部的模型栏中选择一个。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot generate text.&lt;/b&gt;&lt;br&gt;&lt;br&gt;It is an encoder-only model (BERT family): it reads the whole text at once and was trained to fill in [MASK] tokens using both sides, never to predict the &lt;i&gt;next&lt;/i&gt; token, and it has no decoder.&lt;br&gt;&lt;br&gt;Load a decoder — &lt;b&gt;stories260k&lt;/b&gt; (offline, children's stories), GPT-2 or Llama — or an encoder-decoder such as &lt;b&gt;t5-small&lt;/b&gt;, &lt;b&gt;google/flan-t5-small&lt;/b&gt; or BART. {0} still works in the mask, tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} 无法生成文本。&lt;/b&gt;&lt;br&gt;&lt;br&gt;它是一个只有编码器的模型（BERT 家族）：它一次读入整段文本，训练目标是利用两侧上下文填充 [MASK] 词元，从未学过预测&lt;i&gt;下一个&lt;/i&gt;词元，也没有解码器。&lt;br&gt;&lt;br&gt;请加载一个解码器——&lt;b&gt;stories260k&lt;/b&gt;（离线，儿童故事）、GPT-2 或 Llama——或者一个编码器-解码器，例如 &lt;b&gt;t5-small&lt;/b&gt;、&lt;b&gt;google/flan-t5-small&lt;/b&gt; 或 BART。{0} 仍可在掩码、词元和注意力面板中使用。</translation>
    </message>
    <message>
        <source>Step follows one line of text, so it decodes greedily; Generate runs the beam search.</source>
        <translation>“单步”只沿一条文本前进，所以使用贪心解码；束搜索请用“生成”。</translation>
    </message>
    <message>
        <source>Beam search stopped: the tree shows the hypotheses so far.</source>
        <translation>束搜索已停止：树中显示的是目前为止的假设。</translation>
    </message>
    <message>
        <source>Stopped after {0} tokens.</source>
        <translation>生成 {0} 个词元后停止。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>That is the token already chosen here: pick another candidate.</source>
        <translation>这已经是这里选中的词元：请选择另一个候选。</translation>
    </message>
    <message>
        <source>Slot B is empty: load a second model in the model bar to compare.</source>
        <translation>槽位 B 为空：请在模型栏中加载第二个模型进行比较。</translation>
    </message>
    <message>
        <source>The prompt is empty: the decoder starts from its start token {0} alone.</source>
        <translation>提示为空：解码器只从其起始词元 {0} 开始。</translation>
    </message>
    <message>
        <source>The prompt was too long: its first {0} tokens were cut off (from the left) so that the prompt and the new tokens fit the model's context.</source>
        <translation>提示过长：开头的 {0} 个词元被截掉（从左侧），以便提示和新词元能放进模型的上下文窗口。</translation>
    </message>
    <message>
        <source>Temperature 0 means greedy decoding.</source>
        <translation>温度 0 表示贪心解码。</translation>
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
    <name>LabelBarsView</name>
    <message>
        <source>{0}  (log p = {1}, {2} tokens)</source>
        <translation>{0}  （log p = {1}，{2} 个词元）</translation>
    </message>
    <message>
        <source>probability among the candidates</source>
        <translation>在候选中的概率</translation>
    </message>
</context>
<context>
    <name>LeftContextTab</name>
    <message>
        <source>New ending after the target:</source>
        <translation>目标词之后的新结尾：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Run the original and the edited sentence and compare the target's vector layer by layer</source>
        <translation>运行原句和修改后的句子，逐层比较目标词的向量</translation>
    </message>
    <message>
        <source>A GPT-style decoder reads left to right: the target's vector depends only on the words before it, so changing what follows leaves it bit-identical — ideal for generating the next word. A BERT-style encoder reads both sides: the same edit changes the vector — ideal for labelling each word with its whole context.</source>
        <translation>GPT 式解码器从左到右阅读：目标词的向量只取决于它前面的词，因此改变后面的内容不会改变它的任何一位——这正适合生成下一个词。BERT 式编码器同时阅读两侧：同样的修改会改变向量——这正适合结合整个上下文给每个词打标签。</translation>
    </message>
    <message>
        <source>Decoder: the target's vector is bit-identical in {0} of {1} layers (largest difference {2}).</source>
        <translation>解码器：目标词的向量在 {1} 层中有 {0} 层逐位相同（最大差异 {2}）。</translation>
    </message>
    <message>
        <source>Encoder: the target's vector changed in {0} of {1} layers; cosine before/after at the top layer = {2}. Layer 0 is token + position only, so it cannot change.</source>
        <translation>编码器：目标词的向量在 {1} 层中有 {0} 层发生了变化；最顶层修改前后的余弦 = {2}。第 0 层只有词元 + 位置，因此不会改变。</translation>
    </message>
    <message>
        <source>Edited: {0}</source>
        <translation>修改后：{0}</translation>
    </message>
    <message>
        <source>cosine before/after</source>
        <translation>修改前后的余弦</translation>
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
    <name>LogitLensTable</name>
    <message>
        <source>Logit lens: each layer's hidden state read through the model's own output head (final norm + LM head, or the MLM head). The last row is the real prediction; earlier rows show where in the network it appears.</source>
        <translation>Logit 透镜：把每一层的隐藏状态通过模型自己的输出头（最终归一化 + 语言模型头，或 MLM 头）读出。最后一行是真正的预测；前面的行显示预测在网络的哪一层出现。</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入层</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>#{0}</source>
        <translation>#{0}</translation>
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
        <source>Layer by layer (logit lens) at the first mask</source>
        <translation>第一个掩码处的逐层结果（logit 透镜）</translation>
    </message>
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
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Load a model trained with masked language modelling: &lt;b&gt;{2}&lt;/b&gt; is on this computer; &lt;b&gt;bert-base-uncased&lt;/b&gt; or &lt;b&gt;roberta-base&lt;/b&gt; come from the hub. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} 无法预测被掩码的词。&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;请加载一个用掩码语言模型训练的模型：本机上有 &lt;b&gt;{2}&lt;/b&gt;；&lt;b&gt;bert-base-uncased&lt;/b&gt; 或 &lt;b&gt;roberta-base&lt;/b&gt; 可从模型库获取。{0} 仍可在词元面板和注意力面板中使用。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Get a model trained with masked language modelling: download &lt;b&gt;bert-base-uncased&lt;/b&gt; from the hub (needs internet), choose a model folder, or — offline — pre-train a tiny one in the pre-training lab. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} 无法预测被掩码的词。&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;获取一个用掩码语言模型训练的模型：从模型库下载 &lt;b&gt;bert-base-uncased&lt;/b&gt;（需要联网），选择一个模型文件夹，或者离线时在预训练实验室里预训练一个小模型。{0} 仍可在词元面板和注意力面板中使用。</translation>
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
        <source>Predict a sentence with a mask first.</source>
        <translation>请先预测一个带掩码的句子。</translation>
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
    <name>NeighboursTab</name>
    <message>
        <source>Input-embedding table</source>
        <translation>输入嵌入表</translation>
    </message>
    <message>
        <source>GloVe 6B 50d</source>
        <translation>GloVe 6B 50 维</translation>
    </message>
    <message>
        <source>Vocabulary nearest one occurrence</source>
        <translation>与某次出现最接近的词表词</translation>
    </message>
    <message>
        <source>Input-embedding rows nearest the contextual vector of the chosen occurrence at the chosen layer. Near the input the neighbours are the word itself; higher up they drift with the context.</source>
        <translation>与所选出现位置在所选层上的上下文向量最接近的输入嵌入行。靠近输入时近邻就是该词本身；越往上，近邻越随上下文漂移。</translation>
    </message>
    <message>
        <source>Which occurrence of the target to look up</source>
        <translation>查看目标词的哪一次出现</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>not in GloVe</source>
        <translation>不在 GloVe 中</translation>
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
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Masked prediction</source>
        <translation>掩码预测</translation>
    </message>
    <message>
        <source>Pre-training lab</source>
        <translation>预训练实验室</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
</context>
<context>
    <name>PretrainPanel</name>
    <message>
        <source>Corruption recipes</source>
        <translation>破坏方式</translation>
    </message>
    <message>
        <source>Pre-train from scratch</source>
        <translation>从零预训练</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>token masking</source>
        <translation>词元掩码</translation>
    </message>
    <message>
        <source>token deletion</source>
        <translation>词元删除</translation>
    </message>
    <message>
        <source>text infilling</source>
        <translation>文本填充</translation>
    </message>
    <message>
        <source>sentence permutation</source>
        <translation>句子重排</translation>
    </message>
    <message>
        <source>document rotation</source>
        <translation>文档旋转</translation>
    </message>
    <message>
        <source>infilling + permutation (BART)</source>
        <translation>填充 + 重排（BART）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>The same seed always gives the same corruption (reproducible).</source>
        <translation>相同的种子总是给出相同的破坏结果（可复现）。</translation>
    </message>
    <message>
        <source>Each epoch draws a new pattern: RoBERTa's dynamic masking.</source>
        <translation>每一轮抽取新的模式：RoBERTa 的动态掩码。</translation>
    </message>
    <message>
        <source>Next epoch ▶</source>
        <translation>下一轮 ▶</translation>
    </message>
    <message>
        <source>Show the pattern of the next epoch (Ctrl+E)</source>
        <translation>显示下一轮的模式（Ctrl+E）</translation>
    </message>
    <message>
        <source>Static masking</source>
        <translation>静态掩码</translation>
    </message>
    <message>
        <source>Original BERT masked its data once: every epoch reuses the same pattern. RoBERTa masks anew each time the sentence is seen.</source>
        <translation>最初的 BERT 只对数据做一次掩码：每一轮都复用同一个模式。RoBERTa 每次看到句子时都重新掩码。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply the recipe again (Ctrl+Enter)</source>
        <translation>再次应用该方式（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Poisson λ</source>
        <translation>泊松 λ</translation>
    </message>
    <message>
        <source>Mean span length of BART's text infilling and GLM (λ = 3 in the papers).</source>
        <translation>BART 文本填充和 GLM 的平均片段长度（论文中 λ = 3）。</translation>
    </message>
    <message>
        <source>Share of tokens the recipe corrupts (15% in BERT, SpanBERT and T5).</source>
        <translation>该方式破坏的词元比例（BERT、SpanBERT 和 T5 中为 15%）。</translation>
    </message>
    <message>
        <source>Of the selected tokens: share replaced by [MASK] (80% in BERT).</source>
        <translation>在被选中的词元中：替换为 [MASK] 的比例（BERT 中为 80%）。</translation>
    </message>
    <message>
        <source>Of the selected tokens: share replaced by a random token (10%); the rest stay unchanged, so the model cannot rely on seeing [MASK].</source>
        <translation>在被选中的词元中：替换为随机词元的比例（10%）；其余保持不变，这样模型就不能依赖于看到 [MASK]。</translation>
    </message>
    <message>
        <source>A sentence or a short paragraph (NSP needs three sentences or more)</source>
        <translation>一个句子或一小段文字（NSP 需要三个或更多句子）</translation>
    </message>
    <message>
        <source>Rate {0}%</source>
        <translation>比例 {0}%</translation>
    </message>
    <message>
        <source>[MASK] {0}%</source>
        <translation>[MASK] {0}%</translation>
    </message>
    <message>
        <source>random {0}%</source>
        <translation>随机 {0}%</translation>
    </message>
    <message>
        <source>No model is loaded: the recipes use its tokenizer. Pick one at the top.</source>
        <translation>没有加载模型：这些方式要使用它的分词器。请在顶部选择一个。</translation>
    </message>
    <message>
        <source>The new model is loaded in slot B: every panel can use it.</source>
        <translation>新模型已加载到槽位 B：所有面板都可以使用它。</translation>
    </message>
    <message>
        <source>Training is running</source>
        <extracomment>Objective names used by lessons / other panels -&gt; this panel's recipe keys.</extracomment>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is being pre-trained. Stop it and discard the run?</source>
        <translation>正在预训练一个模型。要停止并丢弃本次训练吗？</translation>
    </message>
</context>
<context>
    <name>PretrainRunner</name>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Probe every</source>
        <translation>探针间隔</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>BERT MLM (80/10/10)</source>
        <translation>BERT MLM（80/10/10）</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>整词掩码</translation>
    </message>
    <message>
        <source>SpanBERT span masking</source>
        <translation>SpanBERT 片段掩码</translation>
    </message>
    <message>
        <source>ELECTRA (generator + discriminator)</source>
        <translation>ELECTRA（生成器 + 判别器）</translation>
    </message>
    <message>
        <source>T5 span corruption</source>
        <translation>T5 片段破坏</translation>
    </message>
    <message>
        <source>Causal LM (GPT)</source>
        <translation>因果语言模型（GPT）</translation>
    </message>
    <message>
        <source>{0} layers × {1} hidden, {2} heads</source>
        <translation>{0} 层 × {1} 隐藏维度，{2} 个头</translation>
    </message>
    <message>
        <source>Train a new WordPiece on the corpus</source>
        <translation>在语料上训练新的 WordPiece</translation>
    </message>
    <message>
        <source>Reuse the loaded model's tokenizer</source>
        <translation>复用已加载模型的分词器</translation>
    </message>
    <message>
        <source>What the model learns from the raw text: MLM predicts 15% masked tokens from both sides; ELECTRA's discriminator learns from every token whether a small generator replaced it; T5 regenerates masked spans; a causal LM predicts each next token.</source>
        <translation>模型从原始文本中学到什么：MLM 利用两侧上下文预测 15% 被掩码的词元；ELECTRA 的判别器从每个词元学习它是否被小型生成器替换过；T5 重新生成被掩码的片段；因果语言模型预测每个下一个词元。</translation>
    </message>
    <message>
        <source>A tiny transformer that learns in minutes on a laptop CPU.</source>
        <translation>一个在笔记本 CPU 上几分钟就能学会的微型 Transformer。</translation>
    </message>
    <message>
        <source>Any UTF-8 text file, one document per line.</source>
        <translation>任意 UTF-8 文本文件，每行一个文档。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Train a new model from random weights (Ctrl+T)</source>
        <translation>从随机权重训练一个新模型（Ctrl+T）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop and throw the run away</source>
        <translation>停止并丢弃本次训练</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>停止并保存</translation>
    </message>
    <message>
        <source>Stop after this step and save a Hugging Face checkpoint</source>
        <translation>在这一步之后停止，并保存一个 Hugging Face 检查点</translation>
    </message>
    <message>
        <source>Load result</source>
        <translation>加载结果</translation>
    </message>
    <message>
        <source>Load the saved checkpoint into the model slot, for every panel</source>
        <translation>把保存的检查点加载到模型槽位，供所有面板使用</translation>
    </message>
    <message>
        <source>How often (in steps) the probe sentence is shown to the model</source>
        <translation>每隔多少步把探针句子送入模型</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>P(target)</source>
        <translation>P(目标)</translation>
    </message>
    <message>
        <source>Model's answer</source>
        <translation>模型的回答</translation>
    </message>
    <message>
        <source>The probe over time: watch the model go from punctuation to 'girl'.</source>
        <translation>探针随时间的变化：看模型如何从预测标点变成预测 “girl”。</translation>
    </message>
    <message>
        <source>Preparing the tokenizer and the data…</source>
        <translation>正在准备分词器和数据…</translation>
    </message>
    <message>
        <source>, about {0} s left</source>
        <translation>，约剩 {0} 秒</translation>
    </message>
    <message>
        <source>Step {0} of {1} · loss {2} · {3:.0f} sequences/s on {4}{5}</source>
        <translation>第 {0}/{1} 步 · 损失 {2} · 每秒 {3:.0f} 个序列，设备 {4}{5}</translation>
    </message>
    <message>
        <source>Saved to {0} after {1} steps.</source>
        <translation>已在 {1} 步之后保存到 {0}。</translation>
    </message>
    <message>
        <source>Stopped after {0} steps (not saved).</source>
        <translation>在 {0} 步之后停止（未保存）。</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Stopped; the run was discarded.</source>
        <translation>已停止；本次训练已丢弃。</translation>
    </message>
    <message>
        <source>Corpus: a text file</source>
        <translation>语料：一个文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PretrainView</name>
    <message>
        <source> · boundary objective: x(s−1) = '{0}', x(e+1) = '{1}', position {2} in the span</source>
        <translation> · 边界目标：x(s−1) = “{0}”，x(e+1) = “{1}”，片段内位置 {2}</translation>
    </message>
    <message>
        <source> · from original token {0}</source>
        <translation> · 来自原始词元 {0}</translation>
    </message>
    <message>
        <source> · inserted by the recipe</source>
        <translation> · 由该方式插入</translation>
    </message>
    <message>
        <source> · span {0}, drawn length {1}</source>
        <translation> · 片段 {0}，抽到的长度 {1}</translation>
    </message>
    <message>
        <source> · the model predicts '{0}' (P(target) = {1:.3f})</source>
        <translation> · 模型预测“{0}”（P(目标) = {1:.3f}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model loss on this input: {0:.3f}&lt;/b&gt; ({1}; equal to the model's own training loss).</source>
        <translation>&lt;b&gt;模型在此输入上的损失：{0:.3f}&lt;/b&gt;（{1}；与模型自己的训练损失相同）。</translation>
    </message>
    <message>
        <source>A causal LM needs no corruption: position t sees only tokens 0…t (causal mask) and predicts token t + 1. Every token is a target.</source>
        <translation>因果语言模型不需要破坏文本：位置 t 只能看到词元 0…t（因果掩码），并预测词元 t + 1。每个词元都是目标。</translation>
    </message>
    <message>
        <source>BART corrupts the text in any way (masking, deletion, infilling with Poisson(λ) spans — a zero-length span inserts a mask —, sentence permutation, rotation); the decoder regenerates the whole original.</source>
        <translation>BART 以任意方式破坏文本（掩码、删除、用 Poisson(λ) 长度的片段填充——长度为 0 的片段会插入一个掩码——、句子重排、旋转）；解码器重新生成完整的原文。</translation>
    </message>
    <message>
        <source>BART noising</source>
        <translation>BART 加噪</translation>
    </message>
    <message>
        <source>BERT masked LM (80/10/10)</source>
        <translation>BERT 掩码语言模型（80/10/10）</translation>
    </message>
    <message>
        <source>BERT picks 15% of the tokens (never [CLS]/[SEP]). Of those, 80% become [MASK], 10% a random token and 10% stay as they are; the loss is computed only at the picked positions.</source>
        <translation>BERT 抽取 15% 的词元（从不抽 [CLS]/[SEP]）。其中 80% 换成 [MASK]，10% 换成随机词元，10% 保持不变；损失只在被抽中的位置上计算。</translation>
    </message>
    <message>
        <source>Causal LM (GPT)</source>
        <translation>因果语言模型（GPT）</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>ELECTRA needs a generator with an MLM head (stories-electra-generator).</source>
        <translation>ELECTRA 需要一个带 MLM 输出头的生成器（stories-electra-generator）。</translation>
    </message>
    <message>
        <source>ELECTRA replaced tokens</source>
        <translation>ELECTRA 替换词元</translation>
    </message>
    <message>
        <source>ELECTRA: a small generator fills 15% masked positions by sampling; the discriminator then judges EVERY token: original or replaced? All tokens give a training signal, not only 15%.</source>
        <translation>ELECTRA：一个小型生成器通过采样填充 15% 被掩码的位置；然后判别器判断每一个词元：是原词还是被替换的？所有词元都提供训练信号，而不仅仅是 15%。</translation>
    </message>
    <message>
        <source>GLM blank infilling</source>
        <translation>GLM 空白填充</translation>
    </message>
    <message>
        <source>GLM blanks out spans (Poisson λ = 3, 15%) in part A, then generates the spans in a random order in part B, each starting with [START]. Position 1 points at the span's [MASK] in part A; position 2 counts inside the span.</source>
        <translation>GLM 在 A 部分挖掉若干片段（Poisson λ = 3，15%），然后在 B 部分以随机顺序生成这些片段，每个片段以 [START] 开头。位置 1 指向 A 部分中该片段的 [MASK]；位置 2 在片段内部计数。</translation>
    </message>
    <message>
        <source>GLM is shown as data: no GLM checkpoint is available offline.</source>
        <translation>GLM 只以数据形式展示：离线时没有可用的 GLM 检查点。</translation>
    </message>
    <message>
        <source>Generator input</source>
        <translation>生成器输入</translation>
    </message>
    <message>
        <source>IsNext</source>
        <translation>是下一句</translation>
    </message>
    <message>
        <source>Load stories-electra-discriminator (in either slot) to see P(replaced) per token. It is weak: replaced tokens rank high within the sentence but score low (≈0.2).</source>
        <translation>加载 stories-electra-discriminator（任一槽位）以查看每个词元的 P(被替换)。它比较弱：被替换的词元在句内排名靠前，但分数很低（≈0.2）。</translation>
    </message>
    <message>
        <source>Model input</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <source>Model predicts</source>
        <translation>模型预测</translation>
    </message>
    <message>
        <source>Next-sentence prediction</source>
        <translation>下一句预测</translation>
    </message>
    <message>
        <source>Next-sentence prediction: half the pairs are a sentence and its real successor (IsNext), half a sentence and another one (NotNext). BERT's [CLS] vector predicts which.</source>
        <translation>下一句预测：一半句对是一个句子和它真正的下一句（IsNext），另一半是一个句子和另一个无关句子（NotNext）。由 BERT 的 [CLS] 向量预测属于哪一种。</translation>
    </message>
    <message>
        <source>Next-token losses need a causal LM such as stories260k.</source>
        <translation>下一个词元的损失需要因果语言模型，例如 stories260k。</translation>
    </message>
    <message>
        <source>NotNext</source>
        <translation>不是下一句</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>P(replaced) = {0:.3f}, rank {1} of {2} in this sentence; truth: {3}</source>
        <translation>P(被替换) = {0:.3f}，在本句 {2} 个中排第 {1}；真实情况：{3}</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>句对</translation>
    </message>
    <message>
        <source>Predicts</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Reconstruction needs an encoder-decoder (T5, BART); the corruption is shown on this model's tokens.</source>
        <translation>重建需要编码器-解码器（T5、BART）；破坏结果显示在该模型的词元上。</translation>
    </message>
    <message>
        <source>RoBERTa draws a new masking pattern every time a sentence is seen (press Next epoch). Static masking (BERT) reuses one pattern, so the model sees the same gaps again and again.</source>
        <translation>RoBERTa 每次看到一个句子都会抽取新的掩码模式（点击“下一轮”）。静态掩码（BERT）复用同一个模式，所以模型一遍又一遍地看到相同的空缺。</translation>
    </message>
    <message>
        <source>RoBERTa dynamic masking</source>
        <translation>RoBERTa 动态掩码</translation>
    </message>
    <message>
        <source>Selected {0} of {1} tokens ({2:.0%}): {3} → [MASK], {4} → random, {5} unchanged.</source>
        <translation>从 {1} 个词元中选中 {0} 个（{2:.0%}）：{3} 个 → [MASK]，{4} 个 → 随机，{5} 个不变。</translation>
    </message>
    <message>
        <source>Span lengths drawn: {0}.</source>
        <translation>抽到的片段长度：{0}。</translation>
    </message>
    <message>
        <source>SpanBERT masks contiguous spans of whole words, lengths from a geometric distribution (p = 0.2, cut at 10: mean 3.8), until 15% of the pieces are covered. Each masked token is also predicted from the span's two boundary tokens and its position (span boundary objective).</source>
        <translation>SpanBERT 掩码由完整词组成的连续片段，长度服从几何分布（p = 0.2，截断于 10：平均 3.8），直到覆盖 15% 的子词。每个被掩码的词元还要根据片段两侧的边界词元和它的位置来预测（片段边界目标）。</translation>
    </message>
    <message>
        <source>SpanBERT span masking</source>
        <translation>SpanBERT 片段掩码</translation>
    </message>
    <message>
        <source>T5 replaces 15% of the tokens, in spans of mean length 3, by sentinels &lt;extra_id_0&gt;, &lt;extra_id_1&gt;, …; the decoder writes the missing spans, each after its sentinel. Input + target rebuild the text.</source>
        <translation>T5 把 15% 的词元（以平均长度为 3 的片段为单位）替换为哨兵标记 &lt;extra_id_0&gt;、&lt;extra_id_1&gt;…；解码器写出缺失的片段，每段跟在它的哨兵之后。输入 + 目标即可还原文本。</translation>
    </message>
    <message>
        <source>T5 span corruption</source>
        <translation>T5 片段破坏</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>This model has no NSP head: load stories-bert-mini (BertForPreTraining) to see P(IsNext).</source>
        <translation>该模型没有 NSP 输出头：加载 stories-bert-mini（BertForPreTraining）以查看 P(IsNext)。</translation>
    </message>
    <message>
        <source>This model has no masked-LM head: load stories-bert-mini to see its reconstruction.</source>
        <translation>该模型没有掩码语言模型输出头：加载 stories-bert-mini 以查看其重建结果。</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>整词掩码</translation>
    </message>
    <message>
        <source>Whole-word masking picks words, not pieces: all sub-words of a chosen word are masked together, so the model cannot guess '##ly' from 'li'.</source>
        <translation>整词掩码选择的是词而不是子词：被选中词的所有子词一起被掩码，所以模型无法从“li”猜出“##ly”。</translation>
    </message>
    <message>
        <source>binary cross-entropy over every token</source>
        <translation>在每个词元上的二元交叉熵</translation>
    </message>
    <message>
        <source>decoder target {0}</source>
        <translation>解码器目标 {0}</translation>
    </message>
    <message>
        <source>input position {0}</source>
        <translation>输入位置 {0}</translation>
    </message>
    <message>
        <source>mean cross-entropy over the targets</source>
        <translation>目标上的平均交叉熵</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原词</translation>
    </message>
    <message>
        <source>part B position {0}</source>
        <translation>B 部分位置 {0}</translation>
    </message>
    <message>
        <source>position {0}: target '{1}', model's top token '{2}', P(target) = {3:.3f}, loss {4:.3f}</source>
        <translation>位置 {0}：目标“{1}”，模型首选词元“{2}”，P(目标) = {3:.3f}，损失 {4:.3f}</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>被替换</translation>
    </message>
    <message>
        <source>sentence {0} then sentence {1}</source>
        <translation>句子 {0} 接句子 {1}</translation>
    </message>
    <message>
        <source>token {0} '{1}': {2}</source>
        <translation>词元 {0}“{1}”：{2}</translation>
    </message>
    <message>
        <source>{0} masked, {1} in spans, {2} deleted, {3} moved; {4} span lengths drawn ({5} of length 0 → inserted masks). Input {6} tokens, target {7}.</source>
        <translation>{0} 个被掩码，{1} 个在片段中，{2} 个被删除，{3} 个被移动；抽取了 {4} 个片段长度（其中 {5} 个长度为 0 → 插入掩码）。输入 {6} 个词元，目标 {7} 个。</translation>
    </message>
    <message>
        <source>{0} of {1} tokens in {2} noise spans (lengths {3}); input {4} tokens, target {5}.</source>
        <translation>{1} 个词元中有 {0} 个在 {2} 个噪声片段中（长度 {3}）；输入 {4} 个词元，目标 {5} 个。</translation>
    </message>
    <message>
        <source>{0} pairs: {1} IsNext, {2} NotNext.</source>
        <translation>{0} 个句对：{1} 个 IsNext，{2} 个 NotNext。</translation>
    </message>
    <message>
        <source>{0} spans (lengths {1}); part A has {2} tokens, part B {3}.</source>
        <translation>{0} 个片段（长度 {1}）；A 部分有 {2} 个词元，B 部分 {3} 个。</translation>
    </message>
    <message>
        <source>{0} tokens masked for the generator: {1} replaced by a different token, {2} sampled back as the original (those count as original). The discriminator is trained on all {3} tokens.</source>
        <translation>为生成器掩码了 {0} 个词元：{1} 个被替换为不同的词元，{2} 个采样回原词（这些算作原词）。判别器在全部 {3} 个词元上训练。</translation>
    </message>
    <message>
        <source>{0} tokens, {1} next-token targets.</source>
        <translation>{0} 个词元，{1} 个下一个词元目标。</translation>
    </message>
    <message>
        <source>{0} · P(IsNext) = {1:.2f}</source>
        <translation>{0} · P(是下一句) = {1:.2f}</translation>
    </message>
</context>
<context>
    <name>ProbeView</name>
    <message>
        <source>Probe before training</source>
        <translation>训练前的探针</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>现在的探针</translation>
    </message>
    <message>
        <source>The probe sentence is run through the model being trained before the first step and after every evaluation: watch its prediction move.</source>
        <translation>探针句子在第一步之前以及每次评估之后送入正在训练的模型：观察它的预测如何变化。</translation>
    </message>
    <message>
        <source>Type a probe sentence and start training.</source>
        <translation>输入一个探针句子，然后开始训练。</translation>
    </message>
</context>
<context>
    <name>PromptWorkbench</name>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>T5 prefix</source>
        <translation>T5 前缀</translation>
    </message>
    <message>
        <source>Input label</source>
        <translation>输入标签</translation>
    </message>
    <message>
        <source>Answer label</source>
        <translation>答案标签</translation>
    </message>
    <message>
        <source>Answer cue</source>
        <translation>答案提示词</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Candidate answers</source>
        <translation>候选答案</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Use as prompt</source>
        <translation>用作提示</translation>
    </message>
    <message>
        <source>Score answers</source>
        <translation>为答案打分</translation>
    </message>
    <message>
        <source>answers separated by | — e.g.  positive| negative</source>
        <translation>用 | 分隔答案——例如  positive| negative</translation>
    </message>
    <message>
        <source>zero-shot: task description + input (GPT-2). few-shot: k solved examples before the query, no weight update (GPT-3 in-context learning). chain-of-thought: the examples show their reasoning. instruction: the task said in words (FLAN/T0). t5-prefix: T5's text-to-text task prefixes.</source>
        <translation>零样本：任务描述 + 输入（GPT-2）。少样本：在查询前给出 k 个已解答的示例，不更新权重（GPT-3 的上下文学习）。思维链：示例中写出推理过程。指令：用文字说明任务（FLAN/T0）。T5 前缀：T5 的文本到文本任务前缀。</translation>
    </message>
    <message>
        <source>Classification without generation (GPT-2/GPT-3 papers): the log-probability of each answer as the continuation of the prompt (decoder) or as the target (encoder-decoder), summed over its tokens.</source>
        <translation>不生成文本的分类（GPT-2/GPT-3 论文）：每个答案作为提示的续写（解码器）或作为目标（编码器-解码器）的对数概率，对其所有词元求和。</translation>
    </message>
    <message>
        <source>The assembled prompt: instruction yellow, examples green, query blue, T5 prefix pink.</source>
        <translation>组装好的提示：指令为黄色，示例为绿色，查询为蓝色，T5 前缀为粉色。</translation>
    </message>
    <message>
        <source>new input</source>
        <translation>新输入</translation>
    </message>
    <message>
        <source>{0} tokens, {1} characters</source>
        <translation>{0} 个词元，{1} 个字符</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} 个字符</translation>
    </message>
    <message>
        <source>Zero-shot prediction: {0}</source>
        <translation>零样本预测：{0}</translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message>
        <source>Add a saved run…</source>
        <translation>添加一次已保存的训练…</translation>
    </message>
    <message>
        <source>Tick runs to overlay their curves (dashed) on the training plots; the table shows the settings and results that differ.</source>
        <translation>勾选多次训练，把它们的曲线（虚线）叠加到训练图上；表格显示不同的设置和结果。</translation>
    </message>
    <message>
        <source>Pick a saved run</source>
        <translation>选择一次已保存的训练</translation>
    </message>
</context>
<context>
    <name>SboInputsView</name>
    <message>
        <source>x(s−1) = {0}</source>
        <translation>x(s−1) = {0}</translation>
    </message>
    <message>
        <source>x(e+1) = {0}</source>
        <translation>x(e+1) = {0}</translation>
    </message>
    <message>
        <source>p{0} for {1}</source>
        <translation>{1} 的 p{0}</translation>
    </message>
    <message>
        <source>SBO inputs for "{0}" (each row scaled to its largest value)</source>
        <translation>“{0}”的 SBO 输入（每行按其最大值缩放）</translation>
    </message>
    <message>
        <source>This model has no position-embedding table (rotary positions): only the boundary vectors are shown.</source>
        <translation>该模型没有位置嵌入表（旋转位置编码）：只显示边界向量。</translation>
    </message>
</context>
<context>
    <name>ScalarMixEditor</name>
    <message>
        <source>ELMo scalar mix: γ · Σ softmax(s)ⱼ · hⱼ</source>
        <translation>ELMo 层加权：γ · Σ softmax(s)ⱼ · hⱼ</translation>
    </message>
    <message>
        <source>γ scales the whole mixed vector (ELMo learns it per task). Cosines do not change with γ; vector lengths do.</source>
        <translation>γ 缩放整个混合向量（ELMo 针对每个任务学习它）。余弦不随 γ 变化；向量长度会变。</translation>
    </message>
    <message>
        <source>The weight each layer gets in the vector shown (softmax of the sliders in scalar-mix mode).</source>
        <translation>所显示向量中每一层所占的权重（层加权模式下为滑块值的 softmax）。</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>s{0}: the unnormalised weight of layer {0} (0 = embeddings)</source>
        <translation>s{0}：第 {0} 层的未归一化权重（0 = 嵌入层）</translation>
    </message>
    <message>
        <source>γ = {0}</source>
        <translation>γ = {0}</translation>
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
    <name>SentenceTokensView</name>
    <message>
        <source>S{0}</source>
        <translation>句{0}</translation>
    </message>
    <message>
        <source>Sentence {0}, token {1}: {2}</source>
        <translation>句子 {0}，词元 {1}：{2}</translation>
    </message>
</context>
<context>
    <name>SideBySidePage</name>
    <message>
        <source>beam score {0:.3f}</source>
        <translation>束分数 {0:.3f}</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Run on A and B</source>
        <translation>在 A 和 B 上运行</translation>
    </message>
    <message>
        <source>Generate from the same prompt with the same settings on both model slots: a decoder against a seq2seq model, a base against an instruction-tuned model, or one model with two seeds.</source>
        <translation>用同一个提示、同样的设置在两个模型槽位上生成：解码器对比 seq2seq 模型、基础模型对比指令微调模型，或同一个模型用两个种子。</translation>
    </message>
    <message>
        <source>Sampling: B uses seed + 1</source>
        <translation>采样：B 使用 种子 + 1</translation>
    </message>
    <message>
        <source>Compare two random draws of the same model (or two models with different seeds). Off: both use the same seed.</source>
        <translation>比较同一个模型的两次随机抽样（或两个模型使用不同种子）。关闭：两者使用相同的种子。</translation>
    </message>
    <message>
        <source>Load a second model into slot B in the model bar to compare two models.</source>
        <translation>在模型栏中把第二个模型加载到槽位 B，以比较两个模型。</translation>
    </message>
    <message>
        <source>(empty slot)</source>
        <translation>（空槽位）</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;A&lt;/b&gt;：{0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;B&lt;/b&gt;：{0}</translation>
    </message>
    <message>
        <source>{0} tokens · output perplexity {1}</source>
        <translation>{0} 个词元 · 输出困惑度 {1}</translation>
    </message>
</context>
<context>
    <name>SimilarityTab</name>
    <message>
        <source>Static tables (left, middle) hold one vector per word type: every occurrence gets the same vector, so all cosines are 1 whatever the sentence. A contextual model (right) gives each occurrence its own vector: different senses drift apart.</source>
        <translation>静态表（左、中）为每个词型保存一个向量：每次出现都得到同一个向量，所以无论句子如何余弦都是 1。上下文模型（右）为每次出现给出各自的向量：不同的词义会彼此分开。</translation>
    </message>
    <message>
        <source>The model's own input-embedding rows (before any layer): static.</source>
        <translation>模型自己的输入嵌入行（在任何层之前）：静态的。</translation>
    </message>
    <message>
        <source>GloVe 6B, 50 dimensions, 400,000 words: one vector per word type.</source>
        <translation>GloVe 6B，50 维，40 万个词：每个词型一个向量。</translation>
    </message>
    <message>
        <source>The model's hidden states at the chosen layer or mix: contextual.</source>
        <translation>模型在所选层或加权组合上的隐藏状态：上下文相关的。</translation>
    </message>
    <message>
        <source>GloVe: no '{0}'</source>
        <translation>GloVe：没有“{0}”</translation>
    </message>
    <message>
        <source>GloVe 50d</source>
        <translation>GloVe 50 维</translation>
    </message>
</context>
<context>
    <name>SpanHistogramView</name>
    <message>
        <source>{0} samples: mean {1:.2f} (theory {2:.2f}, red)</source>
        <translation>{0} 个样本：平均 {1:.2f}（理论值 {2:.2f}，红色）</translation>
    </message>
</context>
<context>
    <name>SpansPanel</name>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the model once on all lines (Ctrl+Enter)</source>
        <translation>对所有行运行一次模型（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>One sentence per line. A span never crosses from one line to the next; another line can hold the reference span.</source>
        <translation>每行一个句子。片段不会跨行；另一行可以放参照片段。</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>片段：</translation>
    </message>
    <message>
        <source>i..j</source>
        <translation>i..j</translation>
    </message>
    <message>
        <source>Type a span as i..j (inclusive) and press Enter, or drag over the tokens above</source>
        <translation>以 i..j（含两端）的形式输入片段后按回车，或在上方的词元上拖动选择</translation>
    </message>
    <message>
        <source>word indices</source>
        <translation>词序号</translation>
    </message>
    <message>
        <source>token indices</source>
        <translation>词元序号</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>设为参照</translation>
    </message>
    <message>
        <source>Compare every span with the selected one (Ctrl+R); the reference may come from another line</source>
        <translation>把每个片段与选中的片段比较（Ctrl+R）；参照片段可以来自另一行</translation>
    </message>
    <message>
        <source>spanRep:</source>
        <translation>片段表示 spanRep：</translation>
    </message>
    <message>
        <source>[hᵢ; hⱼ; attention-pooled gᵢⱼ]</source>
        <translation>[hᵢ; hⱼ; 注意力池化 gᵢⱼ]</translation>
    </message>
    <message>
        <source>gᵢⱼ = mean(hᵢ..hⱼ). FFN_start/FFN_end and the attention scorer are learned by a span task; until then they are random and labelled so.</source>
        <translation>gᵢⱼ = mean(hᵢ..hⱼ)。FFN_start/FFN_end 和注意力打分器要通过片段任务学习；在此之前它们是随机的，并会如此标注。</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>层 </translation>
    </message>
    <message>
        <source>Hidden states of this layer are the hᵢ</source>
        <translation>这一层的隐藏状态就是 hᵢ</translation>
    </message>
    <message>
        <source>Max length L:</source>
        <translation>最大长度 L：</translation>
    </message>
    <message>
        <source>Score all spans up to this many tokens long (T(T+1)/2 spans when L ≥ T)</source>
        <translation>为长度不超过该词元数的所有片段打分（当 L ≥ T 时共 T(T+1)/2 个片段）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the visible view as PNG or SVG (Ctrl+E)</source>
        <translation>将当前视图保存为 PNG 或 SVG（Ctrl+E）</translation>
    </message>
    <message>
        <source>All spans</source>
        <translation>所有片段</translation>
    </message>
    <message>
        <source>Representations</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>SBO inputs</source>
        <translation>SBO 输入</translation>
    </message>
    <message>
        <source>start token</source>
        <translation>起始词元</translation>
    </message>
    <message>
        <source>end token</source>
        <translation>结束词元</translation>
    </message>
    <message>
        <source>Every span gets its own score, so nested spans such as "United Airlines" inside "United Airlines Holding" can both be labelled — BIO tags give each token one tag and cannot.</source>
        <translation>每个片段都有自己的分数，因此像 “United Airlines Holding” 中嵌套的 “United Airlines” 这样的片段可以同时被标注——BIO 标签只能给每个词元一个标签，做不到这一点。</translation>
    </message>
    <message>
        <source>SpanBERT's span boundary objective predicts each token inside the span from the outputs of the token just before and just after the span, together with the position embedding of its place inside the span (fed to a 2-layer FFN). These rows are those inputs, not a prediction.</source>
        <translation>SpanBERT 的片段边界目标（SBO）利用片段前一个和后一个词元的输出，加上片段内部位置的位置嵌入（送入两层 FFN），来预测片段中的每个词元。这些行就是这些输入，而不是预测结果。</translation>
    </message>
    <message>
        <source>Load a model to see span representations.</source>
        <translation>加载一个模型来查看片段表示。</translation>
    </message>
    <message>
        <source>Trained span heads could not be used: {0}</source>
        <translation>无法使用训练好的片段头：{0}</translation>
    </message>
    <message>
        <source>A span must stay inside one sentence: S{0} and S{1} are different lines.</source>
        <translation>片段必须在同一个句子内：句{0} 和句{1} 是不同的行。</translation>
    </message>
    <message>
        <source>The span is empty: type two indices like 2..4.</source>
        <translation>片段为空：请输入两个序号，例如 2..4。</translation>
    </message>
    <message>
        <source>cosine to "{0}" (S{1})</source>
        <translation>与“{0}”（句{1}）的余弦</translation>
    </message>
    <message>
        <source>S{0}: span {1}..{2} = "{3}". {4} spans of length ≤ {5} scored ({6} tokens; T(T+1)/2 = {7}).</source>
        <translation>句{0}：片段 {1}..{2} = “{3}”。已为长度 ≤ {5} 的 {4} 个片段打分（{6} 个词元；T(T+1)/2 = {7}）。</translation>
    </message>
    <message>
        <source>L = {0} is longer than the sentence ({1} tokens): every span is scored, T(T+1)/2 = {2}.</source>
        <translation>L = {0} 比句子还长（{1} 个词元）：所有片段都会被打分，T(T+1)/2 = {2}。</translation>
    </message>
    <message>
        <source>⚠ FFN/attention projections are random (untrained).</source>
        <translation>⚠ FFN/注意力投影是随机的（未训练）。</translation>
    </message>
    <message>
        <source> — random projections, untrained</source>
        <translation> ——随机投影，未训练</translation>
    </message>
    <message>
        <source>spanRep for "{0}" (tokens {1}..{2}), {3} numbers per variant.</source>
        <translation>“{0}”（词元 {1}..{2}）的片段表示，每种变体 {3} 个数。</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>还没有可导出的内容：请先运行模型。</translation>
    </message>
</context>
<context>
    <name>StageBarsView</name>
    <message>
        <source>raw softmax</source>
        <translation>原始 softmax</translation>
    </message>
    <message>
        <source>repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>top-k</source>
        <translation>top-k 截断</translation>
    </message>
    <message>
        <source>top-p / min-p</source>
        <translation>top-p / min-p 截断</translation>
    </message>
    <message>
        <source>{0} kept</source>
        <translation>保留 {0} 个</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>Candidates (raw p)</source>
        <translation>候选（原始 p）</translation>
    </message>
    <message>
        <source>Continue with this token</source>
        <translation>用这个词元继续</translation>
    </message>
    <message>
        <source>Branching: replace the token at this step by the selected candidate and generate on from there. The old continuation stays in the branch list.</source>
        <translation>分支：用选中的候选替换这一步的词元，并从那里继续生成。旧的续写保留在分支列表中。</translation>
    </message>
    <message>
        <source>Layer by layer (logit lens)</source>
        <translation>逐层（logit 透镜）</translation>
    </message>
    <message>
        <source>Read every layer's hidden state at this step through the final norm and the LM head: where in the network does the prediction appear?</source>
        <translation>把这一步每一层的隐藏状态通过最终归一化和语言模型头读出：预测在网络的哪一层出现？</translation>
    </message>
    <message>
        <source>The decoding pipeline at this step, in transformers' order: raw softmax → repetition penalty → temperature → top-k → top-p/min-p (each renormalised). Green: the chosen token; grey: filtered out (−∞). Moving a control redraws the stages without running the model again.</source>
        <translation>这一步的解码流程，按 transformers 的顺序：原始 softmax → 重复惩罚 → 温度 → top-k → top-p/min-p（每步重新归一化）。绿色：选中的词元；灰色：被过滤掉（−∞）。调整控件会重绘各阶段，而无需再次运行模型。</translation>
    </message>
    <message>
        <source>Click a generated token to inspect its step.</source>
        <translation>点击一个生成的词元查看它的那一步。</translation>
    </message>
    <message>
        <source>Step {0}: chose {1}</source>
        <translation>第 {0} 步：选择了 {1}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>Cross-attention of this step: how much the decoder looked at each source token (mean over heads), layer by layer.</source>
        <translation>这一步的交叉注意力：解码器对每个源词元的关注程度（各头平均），逐层显示。</translation>
    </message>
</context>
<context>
    <name>TaskProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
<context>
    <name>TrainCurvesView</name>
    <message>
        <source>F1</source>
        <translation>F1 值</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>val. loss</source>
        <translation>验证损失</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>emb</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>L{0}</source>
        <translation>L{0}</translation>
    </message>
    <message>
        <source>head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <source>Training labels of the first example's sub-words:</source>
        <translation>第一个样本各子词的训练标签：</translation>
    </message>
</context>
</TS>