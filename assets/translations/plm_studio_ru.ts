<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AttentionGridView</name>
    <message>
        <source>Colours: each tile scaled to its own maximum — patterns are easier to read, but colours are not comparable between heads.</source>
        <extracomment>Pixels between tiles; gap pixels are NaN, which ImageItem leaves transparent (white background).</extracomment>
        <translation>Цвета: каждая плитка масштабирована по своему максимуму — узоры читаются легче, но цвета разных голов нельзя сравнивать.</translation>
    </message>
    <message>
        <source>Colours: one shared 0–1 scale, so heads can be compared with each other.</source>
        <translation>Цвета: одна общая шкала 0–1, поэтому головы можно сравнивать друг с другом.</translation>
    </message>
    <message>
        <source>layer {0}, head {1}: {2}</source>
        <translation>слой {0}, голова {1}: {2}</translation>
    </message>
    <message>
        <source>layer {0}, head {1} (click to open)</source>
        <translation>слой {0}, голова {1} (нажмите, чтобы открыть)</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Sentence to run through the model (Enter)</source>
        <translation>Предложение, которое пропускается через модель (Enter)</translation>
    </message>
    <message>
        <source>optional sentence B</source>
        <translation>необязательное предложение B</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Run the model once; switching layer or head reuses the result</source>
        <translation>Один прогон модели; при смене слоя или головы результат используется повторно</translation>
    </message>
    <message>
        <source>Which attention of an encoder-decoder to show. Cross-attention is recorded at each real generation step, not teacher-forced.</source>
        <translation>Какое внимание энкодера-декодера показывать. Перекрёстное внимание записывается на каждом настоящем шаге генерации, а не с принуждением учителя (teacher forcing).</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>слой </translation>
    </message>
    <message>
        <source>Layer (0 = closest to the input). PgUp/PgDn</source>
        <translation>Слой (0 — ближайший ко входу). PgUp/PgDn</translation>
    </message>
    <message>
        <source>head </source>
        <translation>голова </translation>
    </message>
    <message>
        <source>Attention head within the layer. [ / ]</source>
        <translation>Голова внимания внутри слоя. [ / ]</translation>
    </message>
    <message>
        <source>hide special</source>
        <translation>скрыть служебные</translation>
    </message>
    <message>
        <source>Drop [CLS]/[SEP]/&lt;s&gt; rows and columns and renormalise each row to sum to 1. Many heads park their attention on [SEP]; hiding it shows the rest.</source>
        <translation>Убрать строки и столбцы [CLS]/[SEP]/&lt;s&gt; и перенормировать каждую строку до суммы 1. Многие головы «паркуют» внимание на [SEP]; если его скрыть, видно остальное.</translation>
    </message>
    <message>
        <source>merge sub-words</source>
        <translation>объединить подслова</translation>
    </message>
    <message>
        <source>Sentence-pair filter: show only attention from one sentence to the other</source>
        <translation>Фильтр пары предложений: показывать только внимание от одного предложения к другому</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save the current view as PNG or SVG at projector resolution (Ctrl+E)</source>
        <translation>Сохранить текущий вид в PNG или SVG в разрешении для проектора (Ctrl+E)</translation>
    </message>
    <message>
        <source>all heads of the layer</source>
        <translation>все головы слоя</translation>
    </message>
    <message>
        <source>Draw every head of the layer, one colour each</source>
        <translation>Рисовать все головы слоя, каждую своим цветом</translation>
    </message>
    <message>
        <source>Per-head statistic, shown as a layer × head map: heads that look at [SEP] pop out</source>
        <translation>Статистика по головам в виде карты «слой × голова»: головы, смотрящие на [SEP], сразу заметны</translation>
    </message>
    <message>
        <source>bertviz head view</source>
        <translation>bertviz: вид голов</translation>
    </message>
    <message>
        <source>bertviz model view</source>
        <translation>bertviz: вид модели</translation>
    </message>
    <message>
        <source>Export as interactive HTML…</source>
        <translation>Экспорт в интерактивный HTML…</translation>
    </message>
    <message>
        <source>A self-contained bertviz page that opens offline in any browser</source>
        <translation>Самодостаточная страница bertviz, открывается без сети в любом браузере</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Тепловая карта</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>Все головы</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>Вид голов</translation>
    </message>
    <message>
        <source>Head statistics</source>
        <translation>Статистика голов</translation>
    </message>
    <message>
        <source>⚠ Attention weights are not explanations ({0})</source>
        <translation>⚠ Веса внимания — это не объяснения ({0})</translation>
    </message>
    <message>
        <source>(causal)</source>
        <translation>(каузальное)</translation>
    </message>
    <message>
        <source>Load a model to see its attention.</source>
        <translation>Загрузите модель, чтобы увидеть её внимание.</translation>
    </message>
    <message>
        <source>layer {0}, head {1}</source>
        <translation>слой {0}, голова {1}</translation>
    </message>
    <message>
        <source>{0}, layer {1}</source>
        <translation>{0}, слой {1}</translation>
    </message>
    <message>
        <source>Per-head statistics are computed for self-attention</source>
        <translation>Статистика по головам считается для самовнимания</translation>
    </message>
    <message>
        <source>{0} per layer × head</source>
        <translation>{0} по слоям × головам</translation>
    </message>
    <message>
        <source>bertviz shows square self-attention: pick the encoder or decoder source.</source>
        <translation>bertviz показывает квадратное самовнимание: выберите источник — энкодер или декодер.</translation>
    </message>
    <message>
        <source>{0} tokens: the model view shows layer {1} only (all layers would take minutes to draw).</source>
        <translation>{0} токенов: вид модели показывает только слой {1} (все слои рисовались бы минуты).</translation>
    </message>
    <message>
        <source>bertviz could not draw: {0}</source>
        <translation>bertviz не смог нарисовать: {0}</translation>
    </message>
    <message>
        <source>Run the model first (bertviz shows square self-attention only).</source>
        <translation>Сначала запустите модель (bertviz показывает только квадратное самовнимание).</translation>
    </message>
    <message>
        <source>Export bertviz as HTML</source>
        <translation>Экспорт bertviz в HTML</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-страница (*.html)</translation>
    </message>
    <message>
        <source>{0}: it opens offline in any browser.</source>
        <translation>{0}: открывается без сети в любом браузере.</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>Пока нечего экспортировать: сначала запустите модель.</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Экспорт вида</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>Изображение PNG (*.png);;Векторное изображение SVG (*.svg)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Не удалось экспортировать: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Presentation mode</source>
        <translation>Режим презентации</translation>
    </message>
    <message>
        <source>Full screen, the panels on screen only, large text (F5; Esc leaves)</source>
        <translation>Полный экран, только открытые панели, крупный текст (F5; Esc — выход)</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>Выйти из режима презентации</translation>
    </message>
    <message>
        <source>Present one panel</source>
        <translation>Показать одну панель</translation>
    </message>
    <message>
        <source>Export what is on screen (PNG + SVG)…</source>
        <translation>Экспорт того, что на экране (PNG + SVG)…</translation>
    </message>
    <message>
        <source>High-contrast theme</source>
        <translation>Высококонтрастная тема</translation>
    </message>
    <message>
        <source>Heatmap colours (colour-blind safe)</source>
        <translation>Цвета тепловых карт (различимы при дальтонизме)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>&amp;Урок</translation>
    </message>
    <message>
        <source>Open lesson…</source>
        <translation>Открыть урок…</translation>
    </message>
    <message>
        <source>Course lessons</source>
        <translation>Уроки курса</translation>
    </message>
    <message>
        <source>Record step from screen</source>
        <translation>Записать шаг с экрана</translation>
    </message>
    <message>
        <source>Save lesson as…</source>
        <translation>Сохранить урок как…</translation>
    </message>
    <message>
        <source>Export lesson as slides…</source>
        <translation>Экспортировать урок как слайды…</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>Закрыть урок</translation>
    </message>
    <message>
        <source>The {0} panel is not part of this build yet.</source>
        <translation>Панели {0} в этой сборке пока нет.</translation>
    </message>
    <message>
        <source>Could not open the lesson: {0}</source>
        <translation>Не удалось открыть урок: {0}</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Открыть урок</translation>
    </message>
    <message>
        <source>PLM Studio lessons (*.json)</source>
        <translation>Уроки PLM Studio (*.json)</translation>
    </message>
    <message>
        <source>No lesson to save: record a step first (Ctrl+Shift+R).</source>
        <translation>Нечего сохранять: сначала запишите шаг (Ctrl+Shift+R).</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>Сохранить урок</translation>
    </message>
    <message>
        <source>Could not save the lesson: {0}</source>
        <translation>Не удалось сохранить урок: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <source>Export what is on screen</source>
        <translation>Экспорт того, что на экране</translation>
    </message>
    <message>
        <source>Caption (leave empty for none):</source>
        <translation>Подпись (оставьте пустой, если не нужна):</translation>
    </message>
    <message>
        <source>PNG and SVG (*.png)</source>
        <translation>PNG и SVG (*.png)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Не удалось экспортировать: {0}</translation>
    </message>
    <message>
        <source>Saved {0} and {1}</source>
        <translation>Сохранено: {0} и {1}</translation>
    </message>
    <message>
        <source>Open a lesson first.</source>
        <translation>Сначала откройте урок.</translation>
    </message>
    <message>
        <source>Folder for the slides</source>
        <translation>Папка для слайдов</translation>
    </message>
    <message>
        <source>Slides saved in {0}</source>
        <translation>Слайды сохранены в {0}</translation>
    </message>
</context>
<context>
    <name>Concepts</name>
    <message>
        <source>One head</source>
        <translation>Одна голова</translation>
    </message>
    <message>
        <source>Mean over heads</source>
        <translation>Среднее по головам</translation>
    </message>
    <message>
        <source>Max over heads</source>
        <translation>Максимум по головам</translation>
    </message>
    <message>
        <source>Mean of all layers</source>
        <translation>Среднее по всем слоям</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Развёртка внимания (rollout)</translation>
    </message>
    <message>
        <source>One head: the weights of the selected layer and head.</source>
        <translation>Одна голова: веса выбранного слоя и головы.</translation>
    </message>
    <message>
        <source>Mean over heads: the average of all heads of each layer.</source>
        <translation>Среднее по головам: среднее всех голов каждого слоя.</translation>
    </message>
    <message>
        <source>Max over heads: the strongest weight any head of the layer gives.</source>
        <translation>Максимум по головам: самый большой вес, который даёт любая голова слоя.</translation>
    </message>
    <message>
        <source>Mean over all layers and heads: one matrix for the whole model.</source>
        <translation>Среднее по всем слоям и головам: одна матрица на всю модель.</translation>
    </message>
    <message>
        <source>Attention rollout (Abnar &amp; Zuidema 2020): multiply the head-averaged attention of each layer, with the residual connection added as 0.5·A + 0.5·I and rows renormalised, to estimate how much each input token flows into each position up to that layer.</source>
        <translation>Развёртка внимания (Abnar &amp; Zuidema 2020): усреднённое по головам внимание каждого слоя перемножается (остаточная связь учитывается как 0.5·A + 0.5·I, строки перенормируются), чтобы оценить, сколько информации от каждого входного токена доходит до каждой позиции к этому слою.</translation>
    </message>
    <message>
        <source>Encoder self-attention</source>
        <translation>Самовнимание энкодера</translation>
    </message>
    <message>
        <source>Decoder self-attention (causal)</source>
        <translation>Самовнимание декодера (каузальное)</translation>
    </message>
    <message>
        <source>Cross-attention while generating</source>
        <translation>Перекрёстное внимание при генерации</translation>
    </message>
    <message>
        <source>Self-attention</source>
        <translation>Самовнимание</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>энтропия</translation>
    </message>
    <message>
        <source>to first token</source>
        <translation>на первый токен</translation>
    </message>
    <message>
        <source>to separators</source>
        <translation>на разделители</translation>
    </message>
    <message>
        <source>to special tokens</source>
        <translation>на служебные токены</translation>
    </message>
    <message>
        <source>to punctuation</source>
        <translation>на пунктуацию</translation>
    </message>
    <message>
        <source>mean distance</source>
        <translation>среднее расстояние</translation>
    </message>
    <message>
        <source>Average entropy of the head's attention rows, in nats: 0 means each token looks at exactly one token, log(n) means it spreads evenly over all n tokens.</source>
        <translation>Средняя энтропия строк внимания головы, в натах: 0 — каждый токен смотрит ровно на один токен, log(n) — внимание равномерно распределено по всем n токенам.</translation>
    </message>
    <message>
        <source>Average share of attention sent to the first token ([CLS], &lt;s&gt; or BOS).</source>
        <translation>Средняя доля внимания, направленная на первый токен ([CLS], &lt;s&gt; или BOS).</translation>
    </message>
    <message>
        <source>Average share of attention sent to separator / end tokens ([SEP], &lt;/s&gt;, ...).</source>
        <translation>Средняя доля внимания, направленная на токены-разделители и конца ([SEP], &lt;/s&gt;, ...).</translation>
    </message>
    <message>
        <source>Average share of attention sent to any special token.</source>
        <translation>Средняя доля внимания, направленная на любой служебный токен.</translation>
    </message>
    <message>
        <source>Average share of attention sent to punctuation tokens (. , ! ? ...).</source>
        <translation>Средняя доля внимания, направленная на знаки препинания (. , ! ? ...).</translation>
    </message>
    <message>
        <source>Average distance |i - j| in tokens between a token and where it looks; small values mean the head attends locally (e.g. the previous or next token).</source>
        <translation>Среднее расстояние |i - j| в токенах между токеном и тем, куда он смотрит; малые значения означают, что голова смотрит локально (например, на предыдущий или следующий токен).</translation>
    </message>
    <message>
        <source>Word pieces are merged into whole words by adding up the attention a word receives from each piece (columns are summed) and averaging the attention its pieces give (rows are averaged), so every row still sums to 1 (Clark et al., 2019).</source>
        <translation>Подслова объединяются в целые слова: внимание, которое слово получает, суммируется по его частям (столбцы складываются), а внимание, которое оно отдаёт, усредняется по частям (строки усредняются), так что каждая строка по-прежнему даёт в сумме 1 (Clark и др., 2019).</translation>
    </message>
    <message>
        <source>Masked language modelling (BERT): 15% of input tokens are chosen; of those 80% become [MASK], 10% a random token, 10% stay unchanged, and the model predicts the originals from context on both sides. Here you choose the masks and see the softmax over the vocabulary.</source>
        <translation>Маскированное языковое моделирование (BERT): выбирается 15% входных токенов; из них 80% заменяются на [MASK], 10% — на случайный токен, 10% остаются без изменений, и модель предсказывает исходные токены по контексту с обеих сторон. Здесь вы сами выбираете маски и видите softmax по словарю.</translation>
    </message>
    <message>
        <source>BERT's input = token embedding + segment embedding (sentence A or B) + position embedding. [CLS] starts the input and its final vector is used for classification; [SEP] ends each sentence.</source>
        <translation>Вход BERT = эмбеддинг токена + эмбеддинг сегмента (предложение A или B) + позиционный эмбеддинг. [CLS] начинает вход, и его итоговый вектор используется для классификации; [SEP] завершает каждое предложение.</translation>
    </message>
    <message>
        <source>Attention shows where a head looks, not why the model decides: different attention patterns can give the same prediction, and value vectors and later layers change what is passed on.</source>
        <translation>Внимание показывает, куда смотрит голова, а не почему модель так решает: разные картины внимания могут давать одно и то же предсказание, а векторы значений и следующие слои меняют то, что передаётся дальше.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>HeadLinesView</name>
    <message>
        <source>from</source>
        <extracomment>One colour per head (d3 category10 as in bertviz, then six more), cycled for &gt; 16 heads. Weights below this are not drawn (as in bertviz); it also keeps 512-token inputs fast. Up to this many lines are stroked by QPainter (antialiased, vector); more are rasterised in numpy, because Qt spends ~0.1–0.2 µs per pixel of translucent line and 512 tokens give millions. Raster lines are drawn in horizontal chunks of this many pixels, cached while nothing is focused. On screen, at most this many (line, pixel column) runs per chunk, heaviest lines first: the rasteriser's cost is the runs, and a chunk crossed by more lines than this is a wash anyway (64 tokens × 12 heads can give 30 000 lines). Exports draw every line.</extracomment>
        <translation>от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>к</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>from (query)</source>
        <extracomment>Colour of cells that may not be attended to (e.g. a decoder's causal upper triangle). Outline of the selected token's row and column.</extracomment>
        <translation>от (запрос, query)</translation>
    </message>
    <message>
        <source>to (key)</source>
        <translation>к (ключ, key)</translation>
    </message>
    <message>
        <source>(masked)</source>
        <translation>(замаскировано)</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Previous step (← or PgUp)</source>
        <translation>Предыдущий шаг (← или PgUp)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <source>Next step (→, Space or PgDn)</source>
        <translation>Следующий шаг (→, пробел или PgDn)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Show or hide the teacher's note of the step (the class sees it too)</source>
        <translation>Показать или скрыть заметку учителя к шагу (класс её тоже видит)</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>Записать шаг</translation>
    </message>
    <message>
        <source>Add what is on screen now (models, panels, sentence, view settings) as a new step after this one (Ctrl+Shift+R)</source>
        <translation>Добавить то, что сейчас на экране (модели, панели, предложение, настройки вида), новым шагом после текущего (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Model {0} for slot {1} is not on this computer: load it from the model bar (a folder or a hub id). The rest of the lesson plays.</source>
        <translation>Модели {0} для слота {1} нет на этом компьютере: загрузите её через панель моделей (папка или id из хаба). Остальная часть урока воспроизводится.</translation>
    </message>
    <message>
        <source>This version of PLM Studio has no {0} panel; the step shows the others.</source>
        <translation>В этой версии PLM Studio нет панели {0}; шаг показывает остальные.</translation>
    </message>
    <message>
        <source>Step {0} needs {1} in slot {2}, which could not be loaded ({3}). Load it from the model bar; the rest of the lesson plays.</source>
        <translation>Шагу {0} нужна модель {1} в слоте {2}, но её не удалось загрузить ({3}). Загрузите её через панель моделей; остальная часть урока воспроизводится.</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>Шаг {0}</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Новый урок</translation>
    </message>
    <message>
        <source>Recorded step {0}. Save the lesson to keep it.</source>
        <translation>Шаг {0} записан. Сохраните урок, чтобы не потерять его.</translation>
    </message>
    <message>
        <source>No lesson step</source>
        <translation>Нет шага урока</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>Шагов: {0}</translation>
    </message>
    <message>
        <source>Step {0}/{1}: {2}</source>
        <translation>Шаг {0}/{1}: {2}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>Открыть папку модели…</translation>
    </message>
    <message>
        <source>Type a model name or hub id</source>
        <translation>Ввести имя модели или id из хаба</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Larger text (projector)</source>
        <translation>Крупнее текст (проектор)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче текст</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About PLM Studio</source>
        <translation>О PLM Studio</translation>
    </message>
    <message>
        <source>The model is working</source>
        <translation>Модель работает</translation>
    </message>
    <message>
        <source>PLM Studio — a desktop lab for pretrained language models.
Masked prediction, attention, embeddings, generation, pre-training and fine-tuning, on real Hugging Face checkpoints.</source>
        <translation>PLM Studio — настольная лаборатория предобученных языковых моделей.
Предсказание масок, внимание, эмбеддинги, генерация, предобучение и дообучение на настоящих чекпойнтах Hugging Face.</translation>
    </message>
    <message>
        <source>Model {0}: {1}: {2}</source>
        <translation>Модель {0}: {1}: {2}</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
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
        <translation>Модель не загружена</translation>
    </message>
    <message>
        <source>B: {0}</source>
        <translation>B: {0}</translation>
    </message>
</context>
<context>
    <name>MaskPanel</name>
    <message>
        <source>Examples…</source>
        <translation>Примеры…</translation>
    </message>
    <message>
        <source>Lesson sentences to try</source>
        <translation>Предложения из занятий, чтобы попробовать</translation>
    </message>
    <message>
        <source>top-</source>
        <translation>топ-</translation>
    </message>
    <message>
        <source>How many candidates to show for each [MASK]</source>
        <translation>Сколько кандидатов показывать для каждой [MASK]</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Предсказать</translation>
    </message>
    <message>
        <source>Predict the masked tokens (Ctrl+Enter)</source>
        <translation>Предсказать замаскированные токены (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The sub-word tokens the model sees. Click a word to replace all its pieces with [MASK].</source>
        <translation>Токены-подслова, которые видит модель. Нажмите на слово, чтобы заменить все его части на [MASK].</translation>
    </message>
    <message>
        <source>Click a word to mask it · bars show P(token | context) at each [MASK]</source>
        <translation>Нажмите на слово, чтобы замаскировать его · столбцы показывают P(токен | контекст) для каждой [MASK]</translation>
    </message>
    <message>
        <source>A small BERT (MLM + NSP) trained on children's stories; works offline</source>
        <translation>Небольшой BERT (MLM + NSP), обученный на детских историях; работает без сети</translation>
    </message>
    <message>
        <source>Download bert-base-uncased from the Hugging Face hub (440 MB, needs internet)</source>
        <translation>Скачать bert-base-uncased из хаба Hugging Face (440 МБ, нужен интернет)</translation>
    </message>
    <message>
        <source>Downloaded once with a progress bar in the model bar, then it works offline</source>
        <translation>Скачивается один раз (прогресс — в панели моделей), затем работает без сети</translation>
    </message>
    <message>
        <source>Choose a model folder with a masked-LM head…</source>
        <translation>Выбрать папку модели с головой маскированной языковой модели…</translation>
    </message>
    <message>
        <source>Any BERT, RoBERTa, ALBERT, DistilBERT or ELECTRA generator saved with save_pretrained (config.json + weights)</source>
        <translation>Любой BERT, RoBERTa, ALBERT, DistilBERT или генератор ELECTRA, сохранённый через save_pretrained (config.json + веса)</translation>
    </message>
    <message>
        <source>Offline: pre-train a tiny masked LM in the pre-training lab</source>
        <translation>Без сети: предобучить крошечную маскированную модель в лаборатории предобучения</translation>
    </message>
    <message>
        <source>Trains a few-layer BERT from scratch on the sample stories in minutes on a laptop; its predictions are rough but real</source>
        <translation>Обучает небольшой BERT с нуля на примерах историй за несколько минут на ноутбуке; предсказания грубые, но настоящие</translation>
    </message>
    <message>
        <source>Type a sentence with {0}, or click a word below to mask it</source>
        <translation>Введите предложение с {0} или нажмите на слово ниже, чтобы замаскировать его</translation>
    </message>
    <message>
        <source>Its checkpoint contains only the encoder: the masked-language-model head (the layer that turns a hidden vector into a probability for every word in the vocabulary) was not saved with it. A randomly initialised head would only predict noise, so this panel stays off.</source>
        <translation>Её чекпойнт содержит только энкодер: голова маскированной языковой модели (слой, который превращает скрытый вектор в вероятность для каждого слова словаря) не была сохранена. Случайно инициализированная голова предсказывала бы только шум, поэтому панель выключена.</translation>
    </message>
    <message>
        <source>It is a causal (left-to-right) language model like GPT: it predicts the &lt;i&gt;next&lt;/i&gt; token from the tokens before it, and was never trained to fill a [MASK] using both sides.</source>
        <translation>Это каузальная (слева направо) языковая модель, как GPT: она предсказывает &lt;i&gt;следующий&lt;/i&gt; токен по предыдущим и никогда не обучалась заполнять [MASK] по контексту с обеих сторон.</translation>
    </message>
    <message>
        <source>It is an encoder-decoder: it fills gaps by generating the missing span (T5 span corruption, BART denoising) rather than with a masked-LM head.</source>
        <translation>Это энкодер-декодер: пропуски он заполняет, генерируя недостающий фрагмент (порча фрагментов в T5, шумоподавление в BART), а не головой маскированной языковой модели.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Load a model trained with masked language modelling — &lt;b&gt;stories-bert-mini&lt;/b&gt; (offline, children's stories), or &lt;b&gt;bert-base-uncased&lt;/b&gt; / &lt;b&gt;roberta-base&lt;/b&gt; from the hub. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} не умеет предсказывать замаскированные слова.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Загрузите модель, обученную маскированному языковому моделированию, — &lt;b&gt;stories-bert-mini&lt;/b&gt; (без сети, детские истории) или &lt;b&gt;bert-base-uncased&lt;/b&gt; / &lt;b&gt;roberta-base&lt;/b&gt; из хаба. {0} по-прежнему работает в панелях токенов и внимания.</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json)</source>
        <translation>Выберите папку модели (с config.json)</translation>
    </message>
    <message>
        <source>No model is loaded yet. Pick one in the model bar at the top.</source>
        <translation>Модель ещё не загружена. Выберите её в панели моделей наверху.</translation>
    </message>
    <message>
        <source>Load {0} (on this computer)</source>
        <translation>Загрузить {0} (есть на этом компьютере)</translation>
    </message>
    <message>
        <source>That token is already masked. Use Ctrl+Z in the text field to undo.</source>
        <translation>Этот токен уже замаскирован. Нажмите Ctrl+Z в поле ввода, чтобы отменить.</translation>
    </message>
    <message>
        <source>The text was cut to the model's {0} tokens.</source>
        <translation>Текст обрезан до {0} токенов модели.</translation>
    </message>
    <message>
        <source>mask {0} of {1} (token {2})</source>
        <translation>маска {0} из {1} (токен {2})</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>вероятность</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Model {0}:</source>
        <translation>Модель {0}:</translation>
    </message>
    <message>
        <source>A model folder (with config.json), a bundled model, or a Hugging Face hub id such as bert-base-uncased. Hub models are downloaded once, then work offline.</source>
        <translation>Папка модели (с config.json), встроенная модель или id из хаба Hugging Face, например bert-base-uncased. Модели из хаба скачиваются один раз и затем работают без сети.</translation>
    </message>
    <message>
        <source>model folder, bundled name or hub id (e.g. bert-base-uncased)</source>
        <translation>папка модели, встроенное имя или id из хаба (например, bert-base-uncased)</translation>
    </message>
    <message>
        <source>optional second model, to compare side by side</source>
        <translation>необязательная вторая модель для сравнения рядом</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Pick a model folder on disk (Ctrl+O)</source>
        <translation>Выбрать папку модели на диске (Ctrl+O)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Load the model (Enter)</source>
        <translation>Загрузить модель (Enter)</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Empty slot {0}: panels pinned to it show nothing</source>
        <translation>Очистить слот {0}: закреплённые за ним панели ничего не покажут</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop loading or downloading</source>
        <translation>Остановить загрузку или скачивание</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>встроенная</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <source>hub cache</source>
        <translation>кэш хаба</translation>
    </message>
    <message>
        <source>Choose a model folder (with config.json)</source>
        <translation>Выберите папку модели (с config.json)</translation>
    </message>
    <message>
        <source>{0:.1f} / {1:.1f} MB</source>
        <translation>{0:.1f} / {1:.1f} МБ</translation>
    </message>
</context>
<context>
    <name>PanelHeader</name>
    <message>
        <source>Model:</source>
        <translation>Модель:</translation>
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
        <translation>Какую из загруженных моделей показывает панель: слот A (по умолчанию) или слот B. Закрепите две панели за разными слотами, чтобы сравнить две модели рядом.</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Связано</translation>
    </message>
    <message>
        <source>Own text</source>
        <translation>Свой текст</translation>
    </message>
    <message>
        <source>Linked: this panel shows the same sentence (and selected word) as the other linked panels. Unlink to give it its own text.</source>
        <translation>Связано: панель показывает то же предложение (и выбранное слово), что и другие связанные панели. Отвяжите, чтобы задать ей свой текст.</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Attention</source>
        <translation>Внимание</translation>
    </message>
    <message>
        <source>Masked prediction</source>
        <translation>Предсказание масок</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
</context>
<context>
    <name>ScreenExport</name>
    <message>
        <source>Model {0}: {1}</source>
        <extracomment>Caption band height in logical pixels per text line.</extracomment>
        <translation>Модель {0}: {1}</translation>
    </message>
    <message>
        <source>Input: “{0}”</source>
        <translation>Вход: «{0}»</translation>
    </message>
</context>
<context>
    <name>TokenStrip</name>
    <message>
        <source>pos {0}</source>
        <translation>поз. {0}</translation>
    </message>
    <message>
        <source>{0} is a special token added by the tokenizer ([CLS] starts the input, [SEP] ends each sentence).</source>
        <translation>{0} — служебный токен, добавленный токенизатором ([CLS] начинает вход, [SEP] завершает каждое предложение).</translation>
    </message>
    <message>
        <source>token {0}: '{1}' (id {2}), sentence {3}, word {4}, characters {5}–{6}: '{7}'. Pieces starting with ## continue the previous word (WordPiece).</source>
        <translation>токен {0}: «{1}» (id {2}), предложение {3}, слово {4}, символы {5}–{6}: «{7}». Части, начинающиеся с ##, продолжают предыдущее слово (WordPiece).</translation>
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <source>optional second sentence (sentence B)</source>
        <translation>необязательное второе предложение (предложение B)</translation>
    </message>
    <message>
        <source>Examples…</source>
        <translation>Примеры…</translation>
    </message>
    <message>
        <source>Sentence A</source>
        <translation>Предложение A</translation>
    </message>
    <message>
        <source>Sentence B</source>
        <translation>Предложение B</translation>
    </message>
    <message>
        <source>Load a model to see how its tokenizer splits text.</source>
        <translation>Загрузите модель, чтобы увидеть, как её токенизатор делит текст.</translation>
    </message>
    <message>
        <source>Cut to the model's maximum of {0} tokens.</source>
        <translation>Обрезано до максимума модели: {0} токенов.</translation>
    </message>
    <message>
        <source>token embedding</source>
        <translation>эмбеддинг токена</translation>
    </message>
    <message>
        <source>token id</source>
        <translation>id токена</translation>
    </message>
    <message>
        <source>segment embedding</source>
        <translation>эмбеддинг сегмента</translation>
    </message>
    <message>
        <source>position embedding</source>
        <translation>позиционный эмбеддинг</translation>
    </message>
    <message>
        <source>{0} tokens: {1} words → {2} sub-word pieces + {3} special tokens. Each column's three embeddings are added to form the model's input vector.</source>
        <translation>{0} токенов: {1} слов → {2} подслов + {3} служебных токенов. Три эмбеддинга каждого столбца складываются во входной вектор модели.</translation>
    </message>
</context>
</TS>