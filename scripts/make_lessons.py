"""Writes the shipped lessons in assets/lessons/ (their source: edit here, re-run, commit the JSON)."""
import json, sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from core import lessons as L

def T(en, zh, ru): return {"en": en, "zh_CN": zh, "ru": ru}
def P(key, slot="A", linked=True, view=None, inp=None):
    d = {"key": key, "slot": slot, "linked": linked, "view": view or {}}
    if inp is not None: d["input"] = inp
    return d
def S(title, note, models, text, panels, pair=None, sel=None):
    return {"title": title, "note": note, "models": models, "input": {"text": text, "text_pair": pair, "selection": sel}, "panels": panels}

BERT = "stories-bert-mini"; MINI = "all-minilm-l6-v2"; GPT = "stories260k"
lessons = {}
lessons["01_bert_mlm"] = {"title": T("BERT: masked language modelling and 80/10/10", "BERT：掩码语言模型与 80/10/10 规则", "BERT: маскированное языковое моделирование и правило 80/10/10"),
 "description": T("From WordPiece tokens to the MLM objective, on a real BERT trained on children's stories.", "从 WordPiece 词元到 MLM 目标，在一个用儿童故事训练的真实 BERT 上演示。", "От токенов WordPiece к цели MLM на настоящем BERT, обученном на детских историях."),
 "steps": [
  S(T("BERT's input", "BERT 的输入", "Вход BERT"),
    T("Point at [CLS] and [SEP], the ## pieces, and the A/B segments: each column's token, segment and position embeddings are added.",
      "指出 [CLS] 和 [SEP]、以 ## 开头的子词以及 A/B 两个句段：每一列的词元嵌入、段嵌入和位置嵌入相加。",
      "Покажите [CLS] и [SEP], части с ##, и сегменты A/B: эмбеддинги токена, сегмента и позиции каждого столбца складываются."),
    {"A": BERT, "B": None}, "Lily went to the park.", [P("tokens")], pair="She played on the swings with her friend."),
  S(T("Predict a masked word", "预测被掩码的词", "Предсказание замаскированного слова"),
    T("BERT sees both sides of [MASK]. Ask the class to guess before revealing the bars; then click another word to mask it.",
      "BERT 能同时看到 [MASK] 两侧的上下文。先让学生猜，再展示条形图；然后点击另一个词进行掩码。",
      "BERT видит контекст с обеих сторон [MASK]. Пусть класс угадает до показа столбцов; затем нажмите на другое слово, чтобы замаскировать его."),
    {"A": BERT, "B": None}, "Once upon a time, there was a little [MASK] named Lily.", [P("mask", view={"top_k": 8})]),
  S(T("Two masks at once", "同时两个掩码", "Две маски сразу"),
    T("Each [MASK] is predicted independently: the model cannot coordinate 'red car' across two masks. This is one limitation of MLM.",
      "每个 [MASK] 独立预测：模型无法在两个掩码之间协调出“red car”。这是 MLM 的一个局限。",
      "Каждая [MASK] предсказывается независимо: модель не может согласовать «red car» между двумя масками. Это одно из ограничений MLM."),
    {"A": BERT, "B": None}, "The [MASK] [MASK] was red and had four wheels.", [P("mask", view={"top_k": 5})]),
  S(T("The 80/10/10 corruption", "80/10/10 破坏规则", "Порча 80/10/10"),
    T("Of the 15% chosen tokens, 80% become [MASK], 10% a random token, 10% stay: the model must build good representations of every word, because fine-tuning has no [MASK].",
      "在被抽中的 15% 词元中，80% 换成 [MASK]，10% 换成随机词，10% 保持不变：因为微调时没有 [MASK]，模型必须为每个词建立好的表示。",
      "Из выбранных 15% токенов 80% становятся [MASK], 10% — случайным токеном, 10% остаются: модель должна хорошо представлять каждое слово, ведь при дообучении [MASK] нет."),
    {"A": BERT, "B": None}, "Lily went to the park with her big red ball.", [P("pretrain", view={"objective": "bert_mlm"}), P("tokens")]),
 ]}
lessons["02_attention"] = {"title": T("Attention: heads, layers and what they are not", "注意力：头、层以及它们不是什么", "Внимание: головы, слои и чем они не являются"),
 "steps": [
  S(T("One head", "单个注意力头", "Одна голова"),
    T("Rows are queries ('from'), columns keys ('to'); each row sums to 1. Find a head that looks at the previous token.",
      "行是查询（“从”），列是键（“到”）；每行之和为 1。找一个关注前一个词元的注意力头。",
      "Строки — запросы («от»), столбцы — ключи («к»); каждая строка в сумме даёт 1. Найдите голову, которая смотрит на предыдущий токен."),
    {"A": BERT, "B": None}, "The cat sat on the mat because it was tired.", [P("attention", view={"layer": 0, "head": 0, "tab": "heatmap"})]),
  S(T("All heads at once", "一次看所有注意力头", "Все головы сразу"),
    T("The grid shows every layer × head. Many heads park attention on [SEP]: turn on 'hide special' to see the rest.",
      "网格显示每一层 × 每个头。许多头把注意力“停放”在 [SEP] 上：打开“隐藏特殊词元”查看其余部分。",
      "Сетка показывает все слои × головы. Многие головы «паркуют» внимание на [SEP]: включите «скрыть служебные», чтобы увидеть остальное."),
    {"A": BERT, "B": None}, "The cat sat on the mat because it was tired.", [P("attention", view={"layer": 2, "head": 1, "tab": "grid"})]),
  S(T("Where does 'it' look?", "“it”看向哪里？", "Куда смотрит «it»?"),
    T("Click the row of 'it'. Attention is not an explanation (Jain & Wallace 2019): different patterns can give the same prediction.",
      "点击“it”所在的行。注意力并不是解释（Jain & Wallace 2019）：不同的注意力模式可能给出相同的预测。",
      "Нажмите на строку «it». Внимание — не объяснение (Jain & Wallace 2019): разные картины внимания могут давать одно и то же предсказание."),
    {"A": BERT, "B": None}, "The animal didn't cross the street because it was too tired.", [P("attention", view={"layer": 3, "head": 2, "tab": "lines"})], sel=["word", 7]),
 ]}
# The embeddings panel's own sentences (the step's shared sentences go on top of them).
BANK = ["He sat on the bank of the river.", "The boat drifted towards the muddy bank.", "She deposited cash at the bank.", "The bank raised its interest rates."]
lessons["03_contextual_embeddings"] = {"title": T("Contextual vs static embeddings", "上下文嵌入与静态嵌入", "Контекстные и статические эмбеддинги"),
 "steps": [
  S(T("One vector per word", "每个词一个向量", "Один вектор на слово"),
    T("GloVe and word2vec give 'bank' one vector, whatever the sentence. Show its nearest neighbours.",
      "GloVe 和 word2vec 无论句子如何都给“bank”同一个向量。展示它的最近邻。",
      "GloVe и word2vec дают слову «bank» один вектор, каким бы ни было предложение. Покажите ближайших соседей."),
    {"A": MINI, "B": None}, "I deposited money at the bank.", [P("embeddings", view={"tab": "neighbours", "mode": "layer", "layer": -1, "target": "bank", "sentences": BANK})], pair="We sat on the river bank."),
  S(T("A vector per occurrence", "每次出现一个向量", "Вектор на каждое употребление"),
    T("BERT's hidden state for 'bank' changes with the context: compare the two sentences' cosine similarity layer by layer.",
      "BERT 中“bank”的隐藏状态随上下文变化：逐层比较两个句子中它的余弦相似度。",
      "Скрытое состояние BERT для «bank» меняется вместе с контекстом: сравните косинусное сходство двух употреблений по слоям."),
    {"A": MINI, "B": None}, "I deposited money at the bank.", [P("embeddings", view={"tab": "curves", "mode": "layer", "layer": -1, "target": "bank", "sentences": []})], pair="We sat on the river bank.", sel=["word", 5]),
  S(T("ELMo's scalar mix", "ELMo 的层加权", "Скалярная смесь слоёв ELMo"),
    T("ELMo_k = γ Σ_j s_j h_{k,j}: lower layers carry syntax, higher ones meaning. Move the layer slider and watch the similarity.",
      "ELMo_k = γ Σ_j s_j h_{k,j}：较低的层偏重句法，较高的层偏重语义。拖动层滑块观察相似度的变化。",
      "ELMo_k = γ Σ_j s_j h_{k,j}: нижние слои несут синтаксис, верхние — смысл. Двигайте ползунок слоя и следите за сходством."),
    {"A": MINI, "B": None}, "I deposited money at the bank.", [P("embeddings", view={"tab": "similarity", "mode": "mix", "mix": [0.0] * 7, "gamma": 1.0, "target": "bank", "sentences": BANK})], pair="We sat on the river bank."),
 ]}
lessons["04_spans"] = {"title": T("Span representations", "片段表示", "Представления фрагментов"),
 "steps": [
  S(T("Select a span", "选择一个片段", "Выделите фрагмент"),
    T("A span i..j is represented as [h_i; h_j; mean(h_i..h_j)] — the endpoints plus the average, as in SpanBERT and coreference models.",
      "片段 i..j 表示为 [h_i; h_j; mean(h_i..h_j)]——两个端点加上平均值，与 SpanBERT 和指代消解模型相同。",
      "Фрагмент i..j представляется как [h_i; h_j; mean(h_i..h_j)] — концы плюс среднее, как в SpanBERT и моделях кореференции."),
    {"A": BERT, "B": None}, "The little girl named Lily played with her big red ball.", [P("spans", view={"tab": "reps"})], sel=["span", 0, 2]),
  S(T("Similar spans", "相似的片段", "Похожие фрагменты"),
    T("Compare 'her big red ball' with 'the little girl': which parts of the vector make them close or far?",
      "比较“her big red ball”和“the little girl”：向量的哪些部分让它们相近或相远？",
      "Сравните «her big red ball» и «the little girl»: какие части вектора делают их близкими или далёкими?"),
    {"A": BERT, "B": None}, "The little girl named Lily played with her big red ball.", [P("spans", view={"tab": "triangle", "reference": [0, 1, 3], "selection": [0, 8, 11]})], sel=["span", 7, 10]),
 ]}
lessons["05_gpt_prompting"] = {"title": T("GPT prompting: zero-shot, few-shot, chain of thought", "GPT 提示：零样本、少样本与思维链", "Промптинг GPT: zero-shot, few-shot и цепочка рассуждений"),
 "steps": [
  S(T("Next-token prediction", "预测下一个词元", "Предсказание следующего токена"),
    T("A decoder only sees the left context. Generate greedily, then raise the temperature and compare.",
      "解码器只能看到左侧上下文。先用贪心解码生成，再提高温度进行比较。",
      "Декодер видит только левый контекст. Сгенерируйте жадно, затем повысьте температуру и сравните."),
    {"A": GPT, "B": None}, "Once upon a time", [P("generate", view={"decoding": "greedy"})]),
  S(T("Zero-shot", "零样本", "Zero-shot"),
    T("Only an instruction, no examples. A tiny story model fails here — this is why GPT-3 needed scale.",
      "只有指令，没有示例。一个很小的故事模型在这里会失败——这就是 GPT-3 需要大规模的原因。",
      "Только инструкция, без примеров. Крошечная модель историй здесь ошибается — поэтому GPT-3 понадобился масштаб."),
    {"A": GPT, "B": None}, "Tom had a red ball. Tom gave the ball to", [P("generate", view={"decoding": "greedy", "template": "zero_shot"})]),
  S(T("Few-shot, in context", "少样本：上下文学习", "Few-shot: обучение в контексте"),
    T("Add examples to the prompt: no weights change (in-context learning). Watch how the continuation copies the pattern.",
      "在提示中加入示例：权重没有任何改变（上下文学习）。观察续写如何模仿示例的模式。",
      "Добавьте примеры в промпт: веса не меняются (обучение в контексте). Посмотрите, как продолжение копирует шаблон."),
    {"A": GPT, "B": None}, "Lily is happy. Tom is sad. Sue is", [P("generate", view={"decoding": "greedy", "template": "few_shot"})]),
  S(T("Chain of thought", "思维链", "Цепочка рассуждений"),
    T("'Let's think step by step' helps only large models; with a hub model such as gpt2-large or flan-t5 (online) compare with and without it.",
      "“让我们一步一步地思考”只对大模型有用；联网时可用 gpt2-large 或 flan-t5 等模型比较有无这句话的差别。",
      "«Давай рассуждать шаг за шагом» помогает только большим моделям; с моделью из хаба (gpt2-large или flan-t5, нужна сеть) сравните с этой фразой и без неё."),
    {"A": GPT, "B": None}, "Q: Tom has 2 balls and gets 3 more. How many balls does he have? A: Let's think step by step.", [P("generate", view={"decoding": "greedy", "template": "chain_of_thought"})]),
 ]}
lessons["06_t5_text_to_text"] = {"title": T("T5: every task as text to text", "T5：一切任务都是文本到文本", "T5: любая задача — текст в текст"),
 "steps": [
  S(T("Span corruption", "片段破坏", "Порча фрагментов"),
    T("T5 replaces spans with sentinels <extra_id_0>, <extra_id_1> … and the decoder writes the missing spans.",
      "T5 用哨兵标记 <extra_id_0>、<extra_id_1> … 替换片段，由解码器写出缺失的片段。",
      "T5 заменяет фрагменты метками <extra_id_0>, <extra_id_1> …, а декодер дописывает пропущенные фрагменты."),
    {"A": BERT, "B": None}, "Thank you for inviting me to your party last week.", [P("pretrain", view={"objective": "t5_span"})]),
  S(T("Instructions as prefixes", "以前缀作为指令", "Инструкции как префиксы"),
    T("'translate English to German:', 'summarize:' — one model, one loss. FLAN turns such prefixes into natural instructions. Needs google/flan-t5-small (hub).",
      "“translate English to German:”、“summarize:”——一个模型，一个损失。FLAN 把这些前缀变成自然的指令。需要 google/flan-t5-small（模型库）。",
      "«translate English to German:», «summarize:» — одна модель, одна функция потерь. FLAN превращает такие префиксы в естественные инструкции. Нужна google/flan-t5-small (хаб)."),
    {"A": "google/flan-t5-small", "B": None}, "translate English to German: The house is wonderful.", [P("generate", view={"decoding": "greedy"})]),
  S(T("Cross-attention", "交叉注意力", "Перекрёстное внимание"),
    T("While the decoder writes each word, cross-attention shows which source words it reads.",
      "解码器每写一个词，交叉注意力就显示它读取了哪些源语言词。",
      "Пока декодер пишет каждое слово, перекрёстное внимание показывает, какие слова источника он читает."),
    {"A": "google/flan-t5-small", "B": None}, "translate English to German: The house is wonderful.", [P("attention", view={"source": "cross", "tab": "heatmap"})]),
 ]}
lessons["07_electra"] = {"title": T("ELECTRA: replaced-token detection", "ELECTRA：替换词元检测", "ELECTRA: обнаружение заменённых токенов"),
 "steps": [
  S(T("The generator", "生成器", "Генератор"),
    T("A small masked LM (slot A) proposes plausible replacements for masked words.",
      "一个小型掩码语言模型（槽位 A）为被掩码的词提出看似合理的替换词。",
      "Небольшая маскированная языковая модель (слот A) предлагает правдоподобные замены для замаскированных слов."),
    {"A": "stories-electra-generator", "B": "stories-electra-discriminator"}, "The dog was very [MASK] and wagged its tail.", [P("mask", view={"top_k": 5})]),
  S(T("The discriminator", "判别器", "Дискриминатор"),
    T("The discriminator (slot B) labels every token original or replaced: it learns from all tokens, not only the 15% masked ones.",
      "判别器（槽位 B）判断每个词元是原词还是被替换的：它从所有词元中学习，而不仅仅是被掩码的 15%。",
      "Дискриминатор (слот B) помечает каждый токен как исходный или заменённый: он учится на всех токенах, а не только на 15% замаскированных."),
    {"A": "stories-electra-generator", "B": "stories-electra-discriminator"}, "The dog was very happy and wagged its tail.", [P("pretrain", slot="B", view={"objective": "electra"}), P("tokens", slot="B")]),
 ]}
lessons["08_fine_tuning"] = {"title": T("Fine-tuning: [CLS] classification and token labels", "微调：[CLS] 分类与词元标注", "Дообучение: классификация по [CLS] и разметка токенов"),
 "steps": [
  S(T("The [CLS] vector", "[CLS] 向量", "Вектор [CLS]"),
    T("For classification a small head reads the final [CLS] vector; for sentence pairs both sentences share one input with [SEP] between.",
      "分类时，一个小的输出头读取最后一层的 [CLS] 向量；句对任务中两个句子共享一个输入，中间用 [SEP] 分隔。",
      "Для классификации небольшая голова читает итоговый вектор [CLS]; для пар предложений оба предложения идут в одном входе через [SEP]."),
    {"A": BERT, "B": None}, "The movie was wonderful.", [P("tokens")], pair="I enjoyed it a lot."),
  S(T("Train a small classifier", "训练一个小分类器", "Обучаем небольшой классификатор"),
    T("Fine-tuning updates all weights on a labelled set; the loss curve falls while the other panels stay usable (own thread, own copy of the model).",
      "微调在带标签的数据集上更新全部权重；损失曲线下降时，其他面板仍可使用（独立线程、独立的模型副本）。",
      "Дообучение обновляет все веса на размеченных данных; кривая потерь падает, а остальные панели работают (свой поток, своя копия модели)."),
    {"A": BERT, "B": None}, "The movie was wonderful.", [P("finetune", view={"task": "sequence_classification"})]),
  S(T("Before and after", "微调前后对比", "До и после"),
    T("Load the fine-tuned model into slot B and compare the same sentence side by side. For token labels, only the first sub-word of each word carries the label.",
      "把微调后的模型加载到槽位 B，左右对比同一个句子。做词元标注时，只有每个词的第一个子词带有标签。",
      "Загрузите дообученную модель в слот B и сравните одно и то же предложение рядом. При разметке токенов метку несёт только первое подслово каждого слова."),
    {"A": BERT, "B": None}, "The movie was wonderful.", [P("attention", slot="A"), P("mask", slot="B")]),
 ]}
for name, d in lessons.items():
    d = {"schema": L.SCHEMA, "version": L.SCHEMA_VERSION, **d}
    d.setdefault("description", "")
    lesson = L.lesson_from_dict(d)
    L.save_lesson(lesson, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "assets" / "lessons" / f"{name}.json"))
print("ok", len(lessons))
