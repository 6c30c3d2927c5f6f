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
        <source>greedy decoding</source>
        <translation>жадное декодирование</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>сэмплирование</translation>
    </message>
    <message>
        <source>beam search</source>
        <translation>лучевой поиск</translation>
    </message>
    <message>
        <source>From the generation run ({0}): the cross-attention recorded at each of its {1} steps. Press Run to compute this panel's own greedy run again.</source>
        <translation>Из запуска генерации ({0}): перекрёстное внимание, записанное на каждом из его {1} шагов. Нажмите «Запустить», чтобы снова вычислить собственный жадный запуск этой панели.</translation>
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
    <name>BeamPage</name>
    <message>
        <source>A long search scrolls: drag the tree, use the scroll bar or ←/→ (Home/End), zoom with the wheel. Hover a node to read its whole hypothesis.</source>
        <translation>Длинный поиск прокручивается: перетаскивайте дерево, используйте полосу прокрутки или ←/→ (Home/End), масштабируйте колёсиком. Наведите на узел, чтобы прочитать всю гипотезу.</translation>
    </message>
    <message>
        <source>Scroll along the steps of the search; at the right end the view follows the newest steps.</source>
        <translation>Прокрутка по шагам поиска; у правого края вид следует за новейшими шагами.</translation>
    </message>
    <message>
        <source>Every hypothesis with its summed log-probability. Blue: still alive; green squares: finished; grey: pruned. ★ and the gold line mark the best finished sequence (scored with the length penalty).</source>
        <translation>Каждая гипотеза с суммой логарифмов вероятностей. Синие: ещё живы; зелёные квадраты: завершены; серые: отсечены. ★ и золотая линия отмечают лучшую завершённую последовательность (с учётом штрафа длины).</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>промпт</translation>
    </message>
    <message>
        <source>Finished hypotheses (score = log-prob / length^penalty):</source>
        <translation>Завершённые гипотезы (оценка = log-prob / длина^штраф):</translation>
    </message>
</context>
<context>
    <name>BeamTreeView</name>
    <message>
        <source>step</source>
        <extracomment>Who gets a label first when a column is crowded.</extracomment>
        <translation>шаг</translation>
    </message>
    <message>
        <source>still in the beam</source>
        <translation>ещё в луче</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>отсечена</translation>
    </message>
    <message>
        <source>★ best finished hypothesis</source>
        <translation>★ лучшая завершённая гипотеза</translation>
    </message>
    <message>
        <source>Step {0}: {1}
summed log-probability {2:.3f} · {3}</source>
        <translation>Шаг {0}: {1}
сумма логарифмов вероятностей {2:.3f} · {3}</translation>
    </message>
</context>
<context>
    <name>BranchTreeView</name>
    <message>
        <source>main: {0} tokens</source>
        <translation>основная: {0} токенов</translation>
    </message>
    <message>
        <source>step {0} → {1}: {2} tokens</source>
        <translation>шаг {0} → {1}: {2} токенов</translation>
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
    <name>DecodingControls</name>
    <message>
        <source>greedy</source>
        <translation>жадный</translation>
    </message>
    <message>
        <source>sampling</source>
        <translation>сэмплирование</translation>
    </message>
    <message>
        <source>beam search</source>
        <translation>лучевой поиск</translation>
    </message>
    <message>
        <source>&amp;Decoding</source>
        <translation>&amp;Декодирование</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Температура</translation>
    </message>
    <message>
        <source>Top-&amp;k</source>
        <translation>Отсечение top-&amp;k</translation>
    </message>
    <message>
        <source>Top-&amp;p</source>
        <translation>Отсечение top-&amp;p</translation>
    </message>
    <message>
        <source>&amp;Min-p</source>
        <translation>Отсечение &amp;min-p</translation>
    </message>
    <message>
        <source>&amp;Repetition</source>
        <translation>&amp;Повторы</translation>
    </message>
    <message>
        <source>&amp;Beams</source>
        <translation>&amp;Лучи</translation>
    </message>
    <message>
        <source>&amp;Length pen.</source>
        <translation>Штраф &amp;длины</translation>
    </message>
    <message>
        <source>Ma&amp;x new</source>
        <translation>Ма&amp;кс. новых</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>&amp;Зерно</translation>
    </message>
    <message>
        <source>Stop at EOS</source>
        <translation>Остановиться на EOS</translation>
    </message>
    <message>
        <source>Greedy takes the most likely token each step. Sampling draws from the processed distribution. Beam search keeps the k best partial sequences by summed log-probability.</source>
        <translation>Жадный выбирает самый вероятный токен на каждом шаге. Сэмплирование тянет из обработанного распределения. Лучевой поиск хранит k лучших частичных последовательностей по сумме логарифмов вероятностей.</translation>
    </message>
    <message>
        <source>Divides the logits before softmax: below 1 sharpens, above 1 flattens the distribution. 0 means greedy decoding. Used only when sampling, as in transformers' generate.</source>
        <translation>Делит логиты перед softmax: меньше 1 заостряет распределение, больше 1 сглаживает. 0 означает жадное декодирование. Используется только при сэмплировании, как в generate из transformers.</translation>
    </message>
    <message>
        <source>Keep only the k most likely tokens (ties at the k-th value are kept). 0 = off.</source>
        <translation>Оставить только k самых вероятных токенов (равные k-му значению тоже остаются). 0 = выкл.</translation>
    </message>
    <message>
        <source>Nucleus sampling: keep the smallest set of most likely tokens whose probability reaches p; the token that crosses the threshold is kept. 1.0 = off. Must lie in (0, 1].</source>
        <translation>Ядерное сэмплирование: оставить наименьшее множество самых вероятных токенов, чья вероятность достигает p; токен, пересекающий порог, остаётся. 1.0 = выкл. Должно лежать в (0, 1].</translation>
    </message>
    <message>
        <source>Drop tokens less likely than min-p × the top token's probability. 0 = off.</source>
        <translation>Отбросить токены, вероятность которых меньше min-p × вероятность лучшего токена. 0 = выкл.</translation>
    </message>
    <message>
        <source>CTRL repetition penalty: logits of tokens already in the text are divided by it (multiplied when negative). Applied first, before temperature. 1.0 = off.</source>
        <translation>Штраф за повторы CTRL: логиты токенов, уже встречавшихся в тексте, делятся на него (умножаются, если отрицательны). Применяется первым, до температуры. 1.0 = выкл.</translation>
    </message>
    <message>
        <source>How many hypotheses beam search keeps at each step.</source>
        <translation>Сколько гипотез лучевой поиск хранит на каждом шаге.</translation>
    </message>
    <message>
        <source>Finished beams are ranked by log-prob / length^penalty: above 0 favours longer outputs.</source>
        <translation>Завершённые лучи ранжируются по log-prob / длина^штраф: больше 0 — предпочтение более длинным выходам.</translation>
    </message>
    <message>
        <source>How many new tokens to generate at most.</source>
        <translation>Сколько новых токенов сгенерировать самое большее.</translation>
    </message>
    <message>
        <source>Random seed for sampling: the same seed gives the same text.</source>
        <translation>Зерно случайности для сэмплирования: одно и то же зерно даёт один и тот же текст.</translation>
    </message>
    <message>
        <source>End when the model produces its end-of-sequence token.</source>
        <translation>Закончить, когда модель выдаст токен конца последовательности.</translation>
    </message>
    <message>
        <source>Checkpoint defaults (generation_config.json): temperature {0}, top-k {1}, top-p {2}, repetition penalty {3}, {4} new tokens.</source>
        <translation>Значения чекпойнта по умолчанию (generation_config.json): температура {0}, top-k {1}, top-p {2}, штраф за повторы {3}, новых токенов: {4}.</translation>
    </message>
    <message>
        <source>Temperature 0 means greedy decoding: the most likely token every step.</source>
        <translation>Температура 0 означает жадное декодирование: каждый шаг — самый вероятный токен.</translation>
    </message>
    <message>
        <source>Temperature, top-k, top-p and min-p act only when sampling, as in transformers' generate.</source>
        <translation>Температура, top-k, top-p и min-p действуют только при сэмплировании, как в generate из transformers.</translation>
    </message>
</context>
<context>
    <name>EmbeddingPlots</name>
    <message>
        <source>PC 1 ({0}% of variance)</source>
        <translation>ГК 1 ({0}% дисперсии)</translation>
    </message>
    <message>
        <source>PC 2 ({0}% of variance)</source>
        <translation>ГК 2 ({0}% дисперсии)</translation>
    </message>
    <message>
        <source>baseline (random token pairs)</source>
        <translation>базовый уровень (случайные пары токенов)</translation>
    </message>
    <message>
        <source>layer (0 = embeddings)</source>
        <translation>слой (0 = эмбеддинги)</translation>
    </message>
    <message>
        <source>mean cosine</source>
        <translation>средний косинус</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0}: self − baseline</source>
        <translation>{0}: самосходство − базовый уровень</translation>
    </message>
    <message>
        <source>{0}: self-similarity</source>
        <translation>{0}: самосходство</translation>
    </message>
</context>
<context>
    <name>EmbeddingPresets</name>
    <message>
        <source>United Airlines: nested spans</source>
        <translation>United Airlines: вложенные фрагменты</translation>
    </message>
    <message>
        <source>a little girl named Lily</source>
        <translation>маленькая девочка по имени Лили</translation>
    </message>
    <message>
        <source>bank: river and money senses</source>
        <translation>bank: берег реки и банк</translation>
    </message>
    <message>
        <source>park: a place and a verb (children's stories)</source>
        <translation>park: место и глагол (детские истории)</translation>
    </message>
    <message>
        <source>play: a game and a theatre show</source>
        <translation>play: игра и спектакль</translation>
    </message>
    <message>
        <source>sentence similarity (MiniLM mean pooling)</source>
        <translation>сходство предложений (усреднение MiniLM)</translation>
    </message>
</context>
<context>
    <name>EmbeddingsPanel</name>
    <message>
        <source>Presets…</source>
        <translation>Наборы…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Run the model once on all sentences (Ctrl+Enter); every other control re-uses that result</source>
        <translation>Один прогон модели по всем предложениям (Ctrl+Enter); все остальные элементы управления используют этот результат</translation>
    </message>
    <message>
        <source>Lesson presets: a word used in different senses</source>
        <translation>Наборы для урока: слово в разных значениях</translation>
    </message>
    <message>
        <source>One sentence per line (at most 64; empty lines are ignored)</source>
        <translation>Одно предложение на строку (не более 64; пустые строки пропускаются)</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <source>The word whose occurrences are compared. Click a word below, or type one and press Enter.</source>
        <translation>Слово, употребления которого сравниваются. Нажмите на слово ниже или введите его и нажмите Enter.</translation>
    </message>
    <message>
        <source>Also plot:</source>
        <translation>Также показать:</translation>
    </message>
    <message>
        <source>more words for the layer curves, comma-separated</source>
        <translation>ещё слова для кривых по слоям, через запятую</translation>
    </message>
    <message>
        <source>Vector:</source>
        <translation>Вектор:</translation>
    </message>
    <message>
        <source>one layer</source>
        <translation>один слой</translation>
    </message>
    <message>
        <source>mean of last four layers</source>
        <translation>среднее последних четырёх слоёв</translation>
    </message>
    <message>
        <source>ELMo scalar mix</source>
        <translation>скалярная смесь ELMo</translation>
    </message>
    <message>
        <source>One layer: the hidden state of that layer. Mean of the last four: BERT's recipe for features. ELMo scalar mix: γ · Σ softmax(s)ⱼ hⱼ with the sliders on the left.</source>
        <translation>Один слой: скрытое состояние этого слоя. Среднее последних четырёх: рецепт признаков BERT. Скалярная смесь ELMo: γ · Σ softmax(s)ⱼ hⱼ с ползунками слева.</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>слой </translation>
    </message>
    <message>
        <source>Layer 0 is the embedding output; the top layer is the last (PgUp/PgDn)</source>
        <translation>Слой 0 — выход эмбеддингов; верхний слой — последний (PgUp/PgDn)</translation>
    </message>
    <message>
        <source>Sub-words:</source>
        <translation>Подслова:</translation>
    </message>
    <message>
        <source>mean of pieces</source>
        <translation>среднее частей</translation>
    </message>
    <message>
        <source>first piece</source>
        <translation>первая часть</translation>
    </message>
    <message>
        <source>A word split into several sub-word tokens (play ##ing) gets one vector: the mean of its pieces, or the first piece as in BERT's NER recipe.</source>
        <translation>Слово, разбитое на несколько подслов (play ##ing), получает один вектор: среднее его частей или первую часть, как в рецепте NER для BERT.</translation>
    </message>
    <message>
        <source>Sentence vector:</source>
        <translation>Вектор предложения:</translation>
    </message>
    <message>
        <source>mean pooling</source>
        <translation>усреднение (mean pooling)</translation>
    </message>
    <message>
        <source>first token ([CLS])</source>
        <translation>первый токен ([CLS])</translation>
    </message>
    <message>
        <source>last token</source>
        <translation>последний токен</translation>
    </message>
    <message>
        <source>How a sentence becomes one vector (Sentences tab). MiniLM was trained for mean pooling; a decoder's last token has read it all.</source>
        <translation>Как предложение становится одним вектором (вкладка «Предложения»). MiniLM обучали с усреднением; последний токен декодера уже прочитал всё предложение.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save the visible view as PNG or SVG (Ctrl+E)</source>
        <translation>Сохранить видимое представление в PNG или SVG (Ctrl+E)</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Сходство</translation>
    </message>
    <message>
        <source>Layer curves</source>
        <translation>Кривые по слоям</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>Левый контекст</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Проекция</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>Соседи</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Ethayarajh (2019): self-similarity = mean cosine between the target's occurrences; the baseline = mean cosine between random token pairs (all vectors share a direction: anisotropy); their difference shows how contextual the word really is at each layer.</source>
        <translation>Ethayarajh (2019): самосходство = средний косинус между употреблениями цели; базовый уровень = средний косинус между случайными парами токенов (у всех векторов общее направление: анизотропия); их разность показывает, насколько слово действительно контекстно на каждом слое.</translation>
    </message>
    <message>
        <source>PCA of every token vector at the chosen layer; hover a point</source>
        <translation>PCA всех векторов токенов на выбранном слое; наведите на точку</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>предложение</translation>
    </message>
    <message>
        <source>Load a model to compare its embeddings.</source>
        <translation>Загрузите модель, чтобы сравнить её эмбеддинги.</translation>
    </message>
    <message>
        <source>{0} empty line(s) ignored.</source>
        <translation>Пропущено пустых строк: {0}.</translation>
    </message>
    <message>
        <source>Only the first {0} of {1} sentences are used (at most {0}).</source>
        <translation>Используются только первые {0} из {1} предложений (не более {0}).</translation>
    </message>
    <message>
        <source>Sentence(s) {0} cut to {1} tokens, the most used here.</source>
        <translation>Предложение(я) {0} обрезаны до {1} токенов — максимума, используемого здесь.</translation>
    </message>
    <message>
        <source>Only one sentence: self-similarity needs the target in at least two contexts. Add another sentence on a new line.</source>
        <translation>Только одно предложение: самосходству нужна цель хотя бы в двух контекстах. Добавьте ещё одно предложение с новой строки.</translation>
    </message>
    <message>
        <source>'{0}' occurs once: self-similarity needs two occurrences.</source>
        <translation>«{0}» встречается один раз: самосходству нужны два употребления.</translation>
    </message>
    <message>
        <source>'{0}' is not in sentence(s) {1}.</source>
        <translation>«{0}» нет в предложении(ях) {1}.</translation>
    </message>
    <message>
        <source>'{0}' is split into sub-words ({1}): its pieces are pooled ({2}).</source>
        <translation>«{0}» разбито на подслова ({1}): его части объединены ({2}).</translation>
    </message>
    <message>
        <source>'{0}' is not in GloVe's 400,000-word vocabulary: no GloVe vector.</source>
        <translation>«{0}» нет в словаре GloVe из 400 000 слов: вектора GloVe нет.</translation>
    </message>
    <message>
        <source>GloVe is unavailable: {0}</source>
        <translation>GloVe недоступен: {0}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>слой {0}</translation>
    </message>
    <message>
        <source>last-four mean</source>
        <translation>среднее последних четырёх</translation>
    </message>
    <message>
        <source>scalar mix</source>
        <translation>скалярная смесь</translation>
    </message>
    <message>
        <source>S{0}</source>
        <translation>П{0}</translation>
    </message>
    <message>
        <source>Input embeddings</source>
        <translation>Входные эмбеддинги</translation>
    </message>
    <message>
        <source>Contextual · {0}</source>
        <translation>Контекстные · {0}</translation>
    </message>
    <message>
        <source>Sentence cosine · {0}</source>
        <translation>Косинус предложений · {0}</translation>
    </message>
    <message>
        <source>'{0}' occurs in none of the sentences: not plotted.</source>
        <translation>«{0}» не встречается ни в одном предложении: не показано.</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>Пока нечего экспортировать: сначала запустите модель.</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Could not export: {0}</source>
        <translation>Не удалось экспортировать: {0}</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Экспорт вида</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
</context>
<context>
    <name>FineTuneForm</name>
    <message>
        <source>Sequence classification ([CLS] → label)</source>
        <translation>Классификация последовательности ([CLS] → метка)</translation>
    </message>
    <message>
        <source>Sentence pair ([CLS] A [SEP] B [SEP])</source>
        <translation>Пара предложений ([CLS] A [SEP] B [SEP])</translation>
    </message>
    <message>
        <source>Token labelling (BIO tags)</source>
        <translation>Разметка токенов (BIO-теги)</translation>
    </message>
    <message>
        <source>Span classification (nested entities)</source>
        <translation>Классификация фрагментов (вложенные сущности)</translation>
    </message>
    <message>
        <source>Causal LM (learn a style)</source>
        <translation>Каузальная LM (выучить стиль)</translation>
    </message>
    <message>
        <source>Classification reads y = softmax(W·h_CLS) (the last token for decoders, as in GPT-1); token labelling puts a word's tag on its first sub-word; span classification scores every span up to L words with FFN(spanRep).</source>
        <translation>Классификация читает y = softmax(W·h_CLS) (у декодеров — последний токен, как в GPT-1); при разметке токенов тег слова ставится на его первое подслово; классификация фрагментов оценивает каждый фрагмент длиной до L слов через FFN(spanRep).</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>Полное дообучение</translation>
    </message>
    <message>
        <source>Feature-based (frozen encoder, head only)</source>
        <translation>На признаках (энкодер заморожен, обучается только голова)</translation>
    </message>
    <message>
        <source>Freeze the bottom N layers</source>
        <translation>Заморозить нижние N слоёв</translation>
    </message>
    <message>
        <source>LoRA (low-rank adapters, peft)</source>
        <translation>LoRA (низкоранговые адаптеры, peft)</translation>
    </message>
    <message>
        <source>Full: every weight moves (use a low learning rate). Feature-based: the pre-trained encoder is frozen, like ELMo features. Freezing keeps the general bottom layers. LoRA learns W + B·A with a small rank r.</source>
        <translation>Полное: меняются все веса (берите малую скорость обучения). На признаках: предобученный энкодер заморожен, как признаки ELMo. Заморозка сохраняет общие нижние слои. LoRA обучает W + B·A с малым рангом r.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>What trains</source>
        <translation>Что обучается</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Probe sentence</source>
        <translation>Проверочное предложение</translation>
    </message>
    <message>
        <source>Use the sample data</source>
        <translation>Использовать пример данных</translation>
    </message>
    <message>
        <source>Open CSV / TSV / JSONL…</source>
        <translation>Открыть CSV / TSV / JSONL…</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>Столбец текста</translation>
    </message>
    <message>
        <source>Sentence B column</source>
        <translation>Столбец предложения B</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>Столбец метки</translation>
    </message>
    <message>
        <source>Words column</source>
        <translation>Столбец слов</translation>
    </message>
    <message>
        <source>Tags column</source>
        <translation>Столбец тегов</translation>
    </message>
    <message>
        <source>Spans column</source>
        <translation>Столбец фрагментов</translation>
    </message>
    <message>
        <source>Label every sub-word (not only the first)</source>
        <translation>Размечать каждое подслово (не только первое)</translation>
    </message>
    <message>
        <source>Longest span L (words)</source>
        <translation>Самый длинный фрагмент L (слов)</translation>
    </message>
    <message>
        <source>Every span of up to L words is scored: y_ij = softmax(W·[FFN_start(h_i); FFN_end(h_j); attention-pooled h_i..h_j]); nested entities are allowed.</source>
        <translation>Оценивается каждый фрагмент длиной до L слов: y_ij = softmax(W·[FFN_start(h_i); FFN_end(h_j); пулинг вниманием h_i..h_j]); вложенные сущности допускаются.</translation>
    </message>
    <message>
        <source>Off: only a word's first sub-word carries its tag, the others get −100 and are ignored by the loss; predictions are read from the first sub-word.</source>
        <translation>Выкл.: тег несёт только первое подслово слова, остальные получают −100 и игнорируются функцией потерь; предсказания читаются с первого подслова.</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <source>Frozen bottom layers</source>
        <translation>Замороженные нижние слои</translation>
    </message>
    <message>
        <source>LoRA rank r</source>
        <translation>Ранг LoRA r</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>Масштаб LoRA (alpha)</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>Прореживание LoRA (dropout)</translation>
    </message>
    <message>
        <source>LoRA target modules</source>
        <translation>Целевые модули LoRA</translation>
    </message>
    <message>
        <source>default for the model (e.g. query, value)</source>
        <translation>по умолчанию для модели (например, query, value)</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Размер батча</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation>Доля разогрева</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Затухание весов</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation>Макс. длина (токены)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>Доля валидации</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>Full fine-tuning of a large model: 2e-5 … 5e-5 (small models and tiny data tolerate 1e-4 … 5e-4). Heads and LoRA: 1e-4 … 1e-3.</source>
        <translation>Полное дообучение большой модели: 2e-5 … 5e-5 (маленькие модели и крошечные данные выдерживают 1e-4 … 5e-4). Только голова и LoRA: 1e-4 … 1e-3.</translation>
    </message>
    <message>
        <source>auto: bf16 mixed precision on a GPU that supports it, else fp16 with a gradient scaler; fp32 on the CPU.</source>
        <translation>авто: смешанная точность bf16 на GPU, который её поддерживает, иначе fp16 с масштабированием градиента; fp32 на CPU.</translation>
    </message>
    <message>
        <source>A sentence to watch during training</source>
        <translation>Предложение, за которым следить во время обучения</translation>
    </message>
    <message>
        <source>Sentence B (pairs)</source>
        <translation>Предложение B (пары)</translation>
    </message>
    <message>
        <source>Open a dataset</source>
        <translation>Открыть набор данных</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.jsonl *.json *.txt)</source>
        <translation>Файлы данных (*.csv *.tsv *.jsonl *.json *.txt)</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>Данные не загружены.</translation>
    </message>
    <message>
        <source>{0}: {1} rows</source>
        <translation>{0}: строк — {1}</translation>
    </message>
</context>
<context>
    <name>FineTunePanel</name>
    <message>
        <source>Model {0}</source>
        <translation>Модель {0}</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Начать обучение</translation>
    </message>
    <message>
        <source>Train a copy of this model on its own thread (Ctrl+Enter); the other panels stay usable.</source>
        <translation>Обучать копию этой модели в отдельном потоке (Ctrl+Enter); остальные панели остаются доступны.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop after the current step and discard the run (Ctrl+.)</source>
        <translation>Остановиться после текущего шага и отбросить прогон (Ctrl+.)</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Стоп и сохранить</translation>
    </message>
    <message>
        <source>Stop after the current step and save a checkpoint you can resume (Ctrl+Shift+S)</source>
        <translation>Остановиться после текущего шага и сохранить чекпойнт, который можно продолжить (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Продолжить…</translation>
    </message>
    <message>
        <source>Continue a saved run exactly where it stopped.</source>
        <translation>Продолжить сохранённый прогон точно с того места, где он остановился.</translation>
    </message>
    <message>
        <source>Export as script…</source>
        <translation>Экспорт в скрипт…</translation>
    </message>
    <message>
        <source>Write a standalone training script and config for these settings, runnable with 'accelerate launch' on several GPUs.</source>
        <translation>Записать самостоятельный скрипт обучения и конфигурацию для этих настроек, запускаемые через «accelerate launch» на нескольких GPU.</translation>
    </message>
    <message>
        <source>Open result in slot</source>
        <translation>Открыть результат в слоте</translation>
    </message>
    <message>
        <source>Load the saved fine-tuned model into the other panels.</source>
        <translation>Загрузить сохранённую дообученную модель в остальные панели.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Сравнить прогоны</translation>
    </message>
    <message>
        <source>Relative weight change ‖W_after − W_before‖ / ‖W_before‖ per layer (grey: frozen)</source>
        <translation>Относительное изменение весов ‖W_after − W_before‖ / ‖W_before‖ по слоям (серые: заморожены)</translation>
    </message>
    <message>
        <source>What trains (share of each layer)</source>
        <translation>Что обучается (доля каждого слоя)</translation>
    </message>
    <message>
        <source>Probe attention, before → now:</source>
        <translation>Внимание на проверочном предложении, до → сейчас:</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>true label</source>
        <translation>истинная метка</translation>
    </message>
    <message>
        <source>predicted label (share of each true label)</source>
        <translation>предсказанная метка (доля каждой истинной метки)</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Голова</translation>
    </message>
    <message>
        <source>Pick a task and press Start training (device: {0}).</source>
        <translation>Выберите задачу и нажмите «Начать обучение» (устройство: {0}).</translation>
    </message>
    <message>
        <source>Load a model first: fine-tuning trains a copy of the panel's model.</source>
        <translation>Сначала загрузите модель: дообучение обучает копию модели панели.</translation>
    </message>
    <message>
        <source>Trainable parameters: {0:,} of {1:,} ({2:.2f}%)</source>
        <translation>Обучаемых параметров: {0:,} из {1:,} ({2:.2f}%)</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>Сначала загрузите модель.</translation>
    </message>
    <message>
        <source>Preparing the model copy and the data…</source>
        <translation>Готовятся копия модели и данные…</translation>
    </message>
    <message>
        <source>Resuming {0}…</source>
        <translation>Продолжение {0}…</translation>
    </message>
    <message>
        <source>Saving after this step…</source>
        <translation>Сохранение после этого шага…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Остановка после этого шага…</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>подготовка</translation>
    </message>
    <message>
        <source>probing</source>
        <translation>проверка</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>оценка</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>сохранение</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлено</translation>
    </message>
    <message>
        <source>{0} · epoch {1:.2f} · step {2}/{3} · loss {4} · ETA {5} · {6} {7}</source>
        <translation>{0} · эпоха {1:.2f} · шаг {2}/{3} · потери {4} · осталось {5} · {6} {7}</translation>
    </message>
    <message>
        <source>Stopped at step {0} and saved to {1}</source>
        <translation>Остановлено на шаге {0} и сохранено в {1}</translation>
    </message>
    <message>
        <source>Stopped at step {0}.</source>
        <translation>Остановлено на шаге {0}.</translation>
    </message>
    <message>
        <source>Done: {0} steps in {1:.0f} s. {2}</source>
        <translation>Готово: {0} шагов за {1:.0f} с. {2}</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>Обучение остановлено: {0}</translation>
    </message>
    <message>
        <source>Stopped; the run was discarded (nothing saved).</source>
        <translation>Остановлено; прогон отброшен (ничего не сохранено).</translation>
    </message>
    <message>
        <source>Pick a saved run to resume</source>
        <translation>Выберите сохранённый прогон для продолжения</translation>
    </message>
    <message>
        <source>Folder for the training script</source>
        <translation>Папка для скрипта обучения</translation>
    </message>
    <message>
        <source>Wrote {0} (run it with: accelerate launch {1})</source>
        <translation>Записано: {0} (запуск: accelerate launch {1})</translation>
    </message>
    <message>
        <source>The fine-tuned model is in slot {0}.</source>
        <translation>Дообученная модель — в слоте {0}.</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Идёт обучение</translation>
    </message>
    <message>
        <source>A fine-tune is still training. Stop it (unsaved progress is lost) and close?</source>
        <translation>Дообучение ещё идёт. Остановить его (несохранённый прогресс пропадёт) и закрыть?</translation>
    </message>
</context>
<context>
    <name>GenerationOutputPage</name>
    <message>
        <source>Each token is shaded by its surprisal −log₂ p (white: expected, red: surprising), from the raw model probabilities. Click a generated token to inspect that step.</source>
        <translation>Каждый токен окрашен по его неожиданности −log₂ p (белый: ожидаемый, красный: неожиданный) по исходным вероятностям модели. Нажмите на сгенерированный токен, чтобы разобрать этот шаг.</translation>
    </message>
    <message>
        <source>Perplexity = exp(mean negative log-likelihood): the lectures' PPL. Lower means the model found the text more predictable.</source>
        <translation>Перплексия = exp(среднего отрицательного логарифма правдоподобия): PPL из лекций. Чем ниже, тем предсказуемее текст для модели.</translation>
    </message>
    <message>
        <source>Branches (click to switch):</source>
        <translation>Ветви (нажмите, чтобы переключиться):</translation>
    </message>
    <message>
        <source>Perplexity of the output: {0} ({1} tokens). The source is read by the encoder and has no perplexity of its own.</source>
        <translation>Перплексия выхода: {0} ({1} токенов). Исходный текст читает энкодер, своей перплексии у него нет.</translation>
    </message>
    <message>
        <source>Perplexity: prompt {0} ({1} tokens scored) · output {2} ({3} tokens)</source>
        <translation>Перплексия: промпт {0} (оценено токенов: {1}) · выход {2} ({3} токенов)</translation>
    </message>
</context>
<context>
    <name>GenerationPanel</name>
    <message>
        <source>Type a prompt (empty: a decoder starts from its BOS token)</source>
        <translation>Введите промпт (пустой: декодер начинает со своего токена BOS)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Сгенерировать</translation>
    </message>
    <message>
        <source>Stream new tokens with the settings below (Ctrl+Enter)</source>
        <translation>Потоково генерировать новые токены с настройками ниже (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Generate exactly one more token (F10, as 'step over' in a debugger)</source>
        <translation>Сгенерировать ровно ещё один токен (F10, как «шаг с обходом» в отладчике)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop after the current step (Esc)</source>
        <translation>Остановиться после текущего шага (Esc)</translation>
    </message>
    <message>
        <source>Output &amp;&amp; step inspector</source>
        <translation>Выход &amp;&amp; разбор шага</translation>
    </message>
    <message>
        <source>Beam tree</source>
        <translation>Дерево лучей</translation>
    </message>
    <message>
        <source>Prompting</source>
        <translation>Промптинг</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Рядом</translation>
    </message>
    <message>
        <source>No model is loaded yet. Pick one in the model bar at the top.</source>
        <translation>Модель ещё не загружена. Выберите её в панели моделей наверху.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot generate text.&lt;/b&gt;&lt;br&gt;&lt;br&gt;It is an encoder-only model (BERT family): it reads the whole text at once and was trained to fill in [MASK] tokens using both sides, never to predict the &lt;i&gt;next&lt;/i&gt; token, and it has no decoder.&lt;br&gt;&lt;br&gt;Load a decoder — &lt;b&gt;stories260k&lt;/b&gt; (offline, children's stories), GPT-2 or Llama — or an encoder-decoder such as &lt;b&gt;t5-small&lt;/b&gt;, &lt;b&gt;google/flan-t5-small&lt;/b&gt; or BART. {0} still works in the mask, tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} не умеет генерировать текст.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Это модель только с энкодером (семейство BERT): она читает весь текст сразу и обучалась заполнять токены [MASK] по контексту с обеих сторон, а не предсказывать &lt;i&gt;следующий&lt;/i&gt; токен, и декодера у неё нет.&lt;br&gt;&lt;br&gt;Загрузите декодер — &lt;b&gt;stories260k&lt;/b&gt; (без сети, детские истории), GPT-2 или Llama — или энкодер-декодер, например &lt;b&gt;t5-small&lt;/b&gt;, &lt;b&gt;google/flan-t5-small&lt;/b&gt; или BART. {0} по-прежнему работает в панелях масок, токенов и внимания.</translation>
    </message>
    <message>
        <source>Step follows one line of text, so it decodes greedily; Generate runs the beam search.</source>
        <translation>«Шаг» идёт по одной строке текста и потому декодирует жадно; лучевой поиск запускает «Сгенерировать».</translation>
    </message>
    <message>
        <source>Beam search stopped: the tree shows the hypotheses so far.</source>
        <translation>Лучевой поиск остановлен: дерево показывает гипотезы на этот момент.</translation>
    </message>
    <message>
        <source>Stopped after {0} tokens.</source>
        <translation>Остановлено после {0} токенов.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>That is the token already chosen here: pick another candidate.</source>
        <translation>Этот токен уже выбран здесь: выберите другого кандидата.</translation>
    </message>
    <message>
        <source>Slot B is empty: load a second model in the model bar to compare.</source>
        <translation>Слот B пуст: загрузите вторую модель в панели моделей, чтобы сравнить.</translation>
    </message>
    <message>
        <source>The prompt is empty: the decoder starts from its start token {0} alone.</source>
        <translation>Промпт пуст: декодер начинает только со своего начального токена {0}.</translation>
    </message>
    <message>
        <source>The prompt was too long: its first {0} tokens were cut off (from the left) so that the prompt and the new tokens fit the model's context.</source>
        <translation>Промпт слишком длинный: первые {0} токенов отрезаны (слева), чтобы промпт и новые токены поместились в контекст модели.</translation>
    </message>
    <message>
        <source>Temperature 0 means greedy decoding.</source>
        <translation>Температура 0 означает жадное декодирование.</translation>
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
    <name>LabelBarsView</name>
    <message>
        <source>{0}  (log p = {1}, {2} tokens)</source>
        <translation>{0}  (log p = {1}, токенов: {2})</translation>
    </message>
    <message>
        <source>probability among the candidates</source>
        <translation>вероятность среди кандидатов</translation>
    </message>
</context>
<context>
    <name>LeftContextTab</name>
    <message>
        <source>New ending after the target:</source>
        <translation>Новое окончание после цели:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>Run the original and the edited sentence and compare the target's vector layer by layer</source>
        <translation>Прогнать исходное и изменённое предложение и сравнить вектор цели слой за слоем</translation>
    </message>
    <message>
        <source>A GPT-style decoder reads left to right: the target's vector depends only on the words before it, so changing what follows leaves it bit-identical — ideal for generating the next word. A BERT-style encoder reads both sides: the same edit changes the vector — ideal for labelling each word with its whole context.</source>
        <translation>Декодер в стиле GPT читает слева направо: вектор цели зависит только от слов перед ней, поэтому изменение продолжения оставляет его побитово тем же — идеально для генерации следующего слова. Энкодер в стиле BERT читает обе стороны: та же правка меняет вектор — идеально для разметки каждого слова с учётом всего контекста.</translation>
    </message>
    <message>
        <source>Decoder: the target's vector is bit-identical in {0} of {1} layers (largest difference {2}).</source>
        <translation>Декодер: вектор цели побитово совпадает в {0} из {1} слоёв (наибольшая разница {2}).</translation>
    </message>
    <message>
        <source>Encoder: the target's vector changed in {0} of {1} layers; cosine before/after at the top layer = {2}. Layer 0 is token + position only, so it cannot change.</source>
        <translation>Энкодер: вектор цели изменился в {0} из {1} слоёв; косинус до/после на верхнем слое = {2}. Слой 0 — только токен + позиция, он не может измениться.</translation>
    </message>
    <message>
        <source>Edited: {0}</source>
        <translation>Изменено: {0}</translation>
    </message>
    <message>
        <source>cosine before/after</source>
        <translation>косинус до/после</translation>
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
    <name>LogitLensTable</name>
    <message>
        <source>Logit lens: each layer's hidden state read through the model's own output head (final norm + LM head, or the MLM head). The last row is the real prediction; earlier rows show where in the network it appears.</source>
        <translation>Логит-линза: скрытое состояние каждого слоя читается через собственную выходную голову модели (финальная нормализация + голова LM или голова MLM). Последняя строка — настоящее предсказание; строки выше показывают, где в сети оно появляется.</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>эмбеддинги</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>слой {0}</translation>
    </message>
    <message>
        <source>#{0}</source>
        <translation>№{0}</translation>
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
        <source>Layer by layer (logit lens) at the first mask</source>
        <translation>Слой за слоем (логит-линза) у первой маски</translation>
    </message>
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
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Load a model trained with masked language modelling: &lt;b&gt;{2}&lt;/b&gt; is on this computer; &lt;b&gt;bert-base-uncased&lt;/b&gt; or &lt;b&gt;roberta-base&lt;/b&gt; come from the hub. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} не умеет предсказывать замаскированные слова.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Загрузите модель, обученную маскированному языковому моделированию: на этом компьютере есть &lt;b&gt;{2}&lt;/b&gt;; &lt;b&gt;bert-base-uncased&lt;/b&gt; или &lt;b&gt;roberta-base&lt;/b&gt; можно взять из хаба. {0} по-прежнему работает в панелях токенов и внимания.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot predict masked words.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Get a model trained with masked language modelling: download &lt;b&gt;bert-base-uncased&lt;/b&gt; from the hub (needs internet), choose a model folder, or — offline — pre-train a tiny one in the pre-training lab. {0} still works in the tokens and attention panels.</source>
        <translation>&lt;b&gt;{0} не умеет предсказывать замаскированные слова.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}&lt;br&gt;&lt;br&gt;Возьмите модель, обученную маскированному языковому моделированию: скачайте &lt;b&gt;bert-base-uncased&lt;/b&gt; из хаба (нужен интернет), выберите папку с моделью или без сети предобучите маленькую модель в лаборатории предобучения. {0} по-прежнему работает в панелях токенов и внимания.</translation>
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
        <source>Predict a sentence with a mask first.</source>
        <translation>Сначала предскажите предложение с маской.</translation>
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
    <name>NeighboursTab</name>
    <message>
        <source>Input-embedding table</source>
        <translation>Таблица входных эмбеддингов</translation>
    </message>
    <message>
        <source>GloVe 6B 50d</source>
        <translation>GloVe 6B, 50 измерений</translation>
    </message>
    <message>
        <source>Vocabulary nearest one occurrence</source>
        <translation>Ближайшие к употреблению слова словаря</translation>
    </message>
    <message>
        <source>Input-embedding rows nearest the contextual vector of the chosen occurrence at the chosen layer. Near the input the neighbours are the word itself; higher up they drift with the context.</source>
        <translation>Строки входных эмбеддингов, ближайшие к контекстному вектору выбранного употребления на выбранном слое. У входа соседи — само слово; выше они смещаются вместе с контекстом.</translation>
    </message>
    <message>
        <source>Which occurrence of the target to look up</source>
        <translation>Какое употребление цели искать</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>not in GloVe</source>
        <translation>нет в GloVe</translation>
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
        <source>Embeddings</source>
        <translation>Эмбеддинги</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>Дообучение</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Генерация</translation>
    </message>
    <message>
        <source>Masked prediction</source>
        <translation>Предсказание масок</translation>
    </message>
    <message>
        <source>Pre-training lab</source>
        <translation>Лаборатория предобучения</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
</context>
<context>
    <name>PretrainPanel</name>
    <message>
        <source>Corruption recipes</source>
        <translation>Рецепты порчи</translation>
    </message>
    <message>
        <source>Pre-train from scratch</source>
        <translation>Предобучение с нуля</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Рецепт</translation>
    </message>
    <message>
        <source>token masking</source>
        <translation>маскирование токенов</translation>
    </message>
    <message>
        <source>token deletion</source>
        <translation>удаление токенов</translation>
    </message>
    <message>
        <source>text infilling</source>
        <translation>заполнение пропусков</translation>
    </message>
    <message>
        <source>sentence permutation</source>
        <translation>перестановка предложений</translation>
    </message>
    <message>
        <source>document rotation</source>
        <translation>поворот документа</translation>
    </message>
    <message>
        <source>infilling + permutation (BART)</source>
        <translation>заполнение + перестановка (BART)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Зерно</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Эпоха</translation>
    </message>
    <message>
        <source>The same seed always gives the same corruption (reproducible).</source>
        <translation>Одно и то же зерно всегда даёт одну и ту же порчу (воспроизводимо).</translation>
    </message>
    <message>
        <source>Each epoch draws a new pattern: RoBERTa's dynamic masking.</source>
        <translation>Каждая эпоха выбирает новый шаблон: динамическое маскирование RoBERTa.</translation>
    </message>
    <message>
        <source>Next epoch ▶</source>
        <translation>Следующая эпоха ▶</translation>
    </message>
    <message>
        <source>Show the pattern of the next epoch (Ctrl+E)</source>
        <translation>Показать шаблон следующей эпохи (Ctrl+E)</translation>
    </message>
    <message>
        <source>Static masking</source>
        <translation>Статическое маскирование</translation>
    </message>
    <message>
        <source>Original BERT masked its data once: every epoch reuses the same pattern. RoBERTa masks anew each time the sentence is seen.</source>
        <translation>Исходный BERT маскировал данные один раз: каждая эпоха использует тот же шаблон. RoBERTa маскирует заново каждый раз, когда видит предложение.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Apply the recipe again (Ctrl+Enter)</source>
        <translation>Применить рецепт ещё раз (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Poisson λ</source>
        <translation>λ Пуассона</translation>
    </message>
    <message>
        <source>Mean span length of BART's text infilling and GLM (λ = 3 in the papers).</source>
        <translation>Средняя длина фрагмента в заполнении пропусков BART и в GLM (в статьях λ = 3).</translation>
    </message>
    <message>
        <source>Share of tokens the recipe corrupts (15% in BERT, SpanBERT and T5).</source>
        <translation>Доля токенов, которые портит рецепт (15% в BERT, SpanBERT и T5).</translation>
    </message>
    <message>
        <source>Of the selected tokens: share replaced by [MASK] (80% in BERT).</source>
        <translation>Из выбранных токенов: доля, заменяемая на [MASK] (80% в BERT).</translation>
    </message>
    <message>
        <source>Of the selected tokens: share replaced by a random token (10%); the rest stay unchanged, so the model cannot rely on seeing [MASK].</source>
        <translation>Из выбранных токенов: доля, заменяемая случайным токеном (10%); остальные остаются без изменений, поэтому модель не может рассчитывать на то, что увидит [MASK].</translation>
    </message>
    <message>
        <source>A sentence or a short paragraph (NSP needs three sentences or more)</source>
        <translation>Предложение или короткий абзац (для NSP нужно три предложения или больше)</translation>
    </message>
    <message>
        <source>Rate {0}%</source>
        <translation>Доля {0}%</translation>
    </message>
    <message>
        <source>[MASK] {0}%</source>
        <translation>[MASK] {0}%</translation>
    </message>
    <message>
        <source>random {0}%</source>
        <translation>случайные {0}%</translation>
    </message>
    <message>
        <source>No model is loaded: the recipes use its tokenizer. Pick one at the top.</source>
        <translation>Модель не загружена: рецепты используют её токенизатор. Выберите модель наверху.</translation>
    </message>
    <message>
        <source>The new model is loaded in slot B: every panel can use it.</source>
        <translation>Новая модель загружена в слот B: её могут использовать все панели.</translation>
    </message>
    <message>
        <source>Training is running</source>
        <extracomment>Objective names used by lessons / other panels -&gt; this panel's recipe keys.</extracomment>
        <translation>Идёт обучение</translation>
    </message>
    <message>
        <source>A model is being pre-trained. Stop it and discard the run?</source>
        <translation>Идёт предобучение модели. Остановить и отбросить прогон?</translation>
    </message>
</context>
<context>
    <name>PretrainRunner</name>
    <message>
        <source>Objective</source>
        <translation>Цель обучения</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Архитектура</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Токенизатор</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Корпус</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Размер батча</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Probe every</source>
        <translation>Проверять каждые</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Сохранить в</translation>
    </message>
    <message>
        <source>BERT MLM (80/10/10)</source>
        <translation>BERT MLM (80/10/10)</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>Маскирование целых слов</translation>
    </message>
    <message>
        <source>SpanBERT span masking</source>
        <translation>Маскирование фрагментов SpanBERT</translation>
    </message>
    <message>
        <source>ELECTRA (generator + discriminator)</source>
        <translation>ELECTRA (генератор + дискриминатор)</translation>
    </message>
    <message>
        <source>T5 span corruption</source>
        <translation>Порча фрагментов T5</translation>
    </message>
    <message>
        <source>Causal LM (GPT)</source>
        <translation>Каузальная LM (GPT)</translation>
    </message>
    <message>
        <source>{0} layers × {1} hidden, {2} heads</source>
        <translation>{0} слоёв × {1} скрытых, {2} голов</translation>
    </message>
    <message>
        <source>Train a new WordPiece on the corpus</source>
        <translation>Обучить новый WordPiece на корпусе</translation>
    </message>
    <message>
        <source>Reuse the loaded model's tokenizer</source>
        <translation>Использовать токенизатор загруженной модели</translation>
    </message>
    <message>
        <source>What the model learns from the raw text: MLM predicts 15% masked tokens from both sides; ELECTRA's discriminator learns from every token whether a small generator replaced it; T5 regenerates masked spans; a causal LM predicts each next token.</source>
        <translation>Чему модель учится на сыром тексте: MLM предсказывает 15% замаскированных токенов по обеим сторонам; дискриминатор ELECTRA учится на каждом токене, заменил ли его маленький генератор; T5 заново порождает замаскированные фрагменты; каузальная LM предсказывает каждый следующий токен.</translation>
    </message>
    <message>
        <source>A tiny transformer that learns in minutes on a laptop CPU.</source>
        <translation>Крошечный трансформер, который обучается за минуты на процессоре ноутбука.</translation>
    </message>
    <message>
        <source>Any UTF-8 text file, one document per line.</source>
        <translation>Любой текстовый файл UTF-8, один документ на строку.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Начать обучение</translation>
    </message>
    <message>
        <source>Train a new model from random weights (Ctrl+T)</source>
        <translation>Обучить новую модель со случайных весов (Ctrl+T)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop and throw the run away</source>
        <translation>Остановить и выбросить прогон</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Стоп и сохранить</translation>
    </message>
    <message>
        <source>Stop after this step and save a Hugging Face checkpoint</source>
        <translation>Остановиться после этого шага и сохранить чекпойнт Hugging Face</translation>
    </message>
    <message>
        <source>Load result</source>
        <translation>Загрузить результат</translation>
    </message>
    <message>
        <source>Load the saved checkpoint into the model slot, for every panel</source>
        <translation>Загрузить сохранённый чекпойнт в слот модели для всех панелей</translation>
    </message>
    <message>
        <source>How often (in steps) the probe sentence is shown to the model</source>
        <translation>Как часто (в шагах) показывать модели проверочное предложение</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>потери на обучении</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>P(target)</source>
        <translation>P(цель)</translation>
    </message>
    <message>
        <source>Model's answer</source>
        <translation>Ответ модели</translation>
    </message>
    <message>
        <source>The probe over time: watch the model go from punctuation to 'girl'.</source>
        <translation>Проверка во времени: смотрите, как модель переходит от знаков препинания к «girl».</translation>
    </message>
    <message>
        <source>Preparing the tokenizer and the data…</source>
        <translation>Готовятся токенизатор и данные…</translation>
    </message>
    <message>
        <source>, about {0} s left</source>
        <translation>, осталось около {0} с</translation>
    </message>
    <message>
        <source>Step {0} of {1} · loss {2} · {3:.0f} sequences/s on {4}{5}</source>
        <translation>Шаг {0} из {1} · потери {2} · {3:.0f} последовательностей/с на {4}{5}</translation>
    </message>
    <message>
        <source>Saved to {0} after {1} steps.</source>
        <translation>Сохранено в {0} после {1} шагов.</translation>
    </message>
    <message>
        <source>Stopped after {0} steps (not saved).</source>
        <translation>Остановлено после {0} шагов (не сохранено).</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>Обучение не удалось.</translation>
    </message>
    <message>
        <source>Stopped; the run was discarded.</source>
        <translation>Остановлено; прогон отброшен.</translation>
    </message>
    <message>
        <source>Corpus: a text file</source>
        <translation>Корпус: текстовый файл</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>PretrainView</name>
    <message>
        <source> · boundary objective: x(s−1) = '{0}', x(e+1) = '{1}', position {2} in the span</source>
        <translation> · цель границ: x(s−1) = «{0}», x(e+1) = «{1}», позиция {2} во фрагменте</translation>
    </message>
    <message>
        <source> · from original token {0}</source>
        <translation> · из исходного токена {0}</translation>
    </message>
    <message>
        <source> · inserted by the recipe</source>
        <translation> · вставлен рецептом</translation>
    </message>
    <message>
        <source> · span {0}, drawn length {1}</source>
        <translation> · фрагмент {0}, выпавшая длина {1}</translation>
    </message>
    <message>
        <source> · the model predicts '{0}' (P(target) = {1:.3f})</source>
        <translation> · модель предсказывает «{0}» (P(цель) = {1:.3f})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model loss on this input: {0:.3f}&lt;/b&gt; ({1}; equal to the model's own training loss).</source>
        <translation>&lt;b&gt;Потери модели на этом входе: {0:.3f}&lt;/b&gt; ({1}; совпадает с собственной функцией потерь модели при обучении).</translation>
    </message>
    <message>
        <source>A causal LM needs no corruption: position t sees only tokens 0…t (causal mask) and predicts token t + 1. Every token is a target.</source>
        <translation>Каузальной LM порча не нужна: позиция t видит только токены 0…t (каузальная маска) и предсказывает токен t + 1. Каждый токен — цель.</translation>
    </message>
    <message>
        <source>BART corrupts the text in any way (masking, deletion, infilling with Poisson(λ) spans — a zero-length span inserts a mask —, sentence permutation, rotation); the decoder regenerates the whole original.</source>
        <translation>BART портит текст любым способом (маскирование, удаление, заполнение фрагментами длины Poisson(λ) — фрагмент нулевой длины вставляет маску —, перестановка предложений, поворот); декодер восстанавливает весь исходный текст.</translation>
    </message>
    <message>
        <source>BART noising</source>
        <translation>Зашумление BART</translation>
    </message>
    <message>
        <source>BERT masked LM (80/10/10)</source>
        <translation>Маскированная LM BERT (80/10/10)</translation>
    </message>
    <message>
        <source>BERT picks 15% of the tokens (never [CLS]/[SEP]). Of those, 80% become [MASK], 10% a random token and 10% stay as they are; the loss is computed only at the picked positions.</source>
        <translation>BERT выбирает 15% токенов (никогда [CLS]/[SEP]). Из них 80% становятся [MASK], 10% — случайным токеном, 10% остаются как есть; потери считаются только в выбранных позициях.</translation>
    </message>
    <message>
        <source>Causal LM (GPT)</source>
        <translation>Каузальная LM (GPT)</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>Дискриминатор</translation>
    </message>
    <message>
        <source>ELECTRA needs a generator with an MLM head (stories-electra-generator).</source>
        <translation>ELECTRA нужен генератор с головой MLM (stories-electra-generator).</translation>
    </message>
    <message>
        <source>ELECTRA replaced tokens</source>
        <translation>Заменённые токены ELECTRA</translation>
    </message>
    <message>
        <source>ELECTRA: a small generator fills 15% masked positions by sampling; the discriminator then judges EVERY token: original or replaced? All tokens give a training signal, not only 15%.</source>
        <translation>ELECTRA: маленький генератор заполняет 15% замаскированных позиций сэмплированием; затем дискриминатор оценивает КАЖДЫЙ токен: исходный или заменённый? Обучающий сигнал дают все токены, а не только 15%.</translation>
    </message>
    <message>
        <source>GLM blank infilling</source>
        <translation>Заполнение пропусков GLM</translation>
    </message>
    <message>
        <source>GLM blanks out spans (Poisson λ = 3, 15%) in part A, then generates the spans in a random order in part B, each starting with [START]. Position 1 points at the span's [MASK] in part A; position 2 counts inside the span.</source>
        <translation>GLM вырезает фрагменты (Пуассон λ = 3, 15%) в части A, затем генерирует их в случайном порядке в части B, каждый начиная с [START]. Позиция 1 указывает на [MASK] фрагмента в части A; позиция 2 считает внутри фрагмента.</translation>
    </message>
    <message>
        <source>GLM is shown as data: no GLM checkpoint is available offline.</source>
        <translation>GLM показан только как данные: чекпойнта GLM без сети нет.</translation>
    </message>
    <message>
        <source>Generator input</source>
        <translation>Вход генератора</translation>
    </message>
    <message>
        <source>IsNext</source>
        <translation>Следующее</translation>
    </message>
    <message>
        <source>Load stories-electra-discriminator (in either slot) to see P(replaced) per token. It is weak: replaced tokens rank high within the sentence but score low (≈0.2).</source>
        <translation>Загрузите stories-electra-discriminator (в любой слот), чтобы увидеть P(заменён) для каждого токена. Он слабый: заменённые токены стоят высоко в пределах предложения, но получают низкие оценки (≈0.2).</translation>
    </message>
    <message>
        <source>Model input</source>
        <translation>Вход модели</translation>
    </message>
    <message>
        <source>Model predicts</source>
        <translation>Модель предсказывает</translation>
    </message>
    <message>
        <source>Next-sentence prediction</source>
        <translation>Предсказание следующего предложения</translation>
    </message>
    <message>
        <source>Next-sentence prediction: half the pairs are a sentence and its real successor (IsNext), half a sentence and another one (NotNext). BERT's [CLS] vector predicts which.</source>
        <translation>Предсказание следующего предложения: половина пар — предложение и его настоящее продолжение (IsNext), половина — предложение и постороннее (NotNext). Вектор [CLS] BERT предсказывает, какой случай.</translation>
    </message>
    <message>
        <source>Next-token losses need a causal LM such as stories260k.</source>
        <translation>Потерям следующего токена нужна каузальная LM, например stories260k.</translation>
    </message>
    <message>
        <source>NotNext</source>
        <translation>Не следующее</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Исходный текст</translation>
    </message>
    <message>
        <source>P(replaced) = {0:.3f}, rank {1} of {2} in this sentence; truth: {3}</source>
        <translation>P(заменён) = {0:.3f}, место {1} из {2} в этом предложении; на самом деле: {3}</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>Predicts</source>
        <translation>Предсказывает</translation>
    </message>
    <message>
        <source>Reconstruction needs an encoder-decoder (T5, BART); the corruption is shown on this model's tokens.</source>
        <translation>Для восстановления нужен энкодер-декодер (T5, BART); порча показана на токенах этой модели.</translation>
    </message>
    <message>
        <source>RoBERTa draws a new masking pattern every time a sentence is seen (press Next epoch). Static masking (BERT) reuses one pattern, so the model sees the same gaps again and again.</source>
        <translation>RoBERTa выбирает новый шаблон маскирования каждый раз, когда видит предложение (нажмите «Следующая эпоха»). Статическое маскирование (BERT) использует один шаблон, и модель снова и снова видит одни и те же пропуски.</translation>
    </message>
    <message>
        <source>RoBERTa dynamic masking</source>
        <translation>Динамическое маскирование RoBERTa</translation>
    </message>
    <message>
        <source>Selected {0} of {1} tokens ({2:.0%}): {3} → [MASK], {4} → random, {5} unchanged.</source>
        <translation>Выбрано {0} из {1} токенов ({2:.0%}): {3} → [MASK], {4} → случайный, {5} без изменений.</translation>
    </message>
    <message>
        <source>Span lengths drawn: {0}.</source>
        <translation>Выпавшие длины фрагментов: {0}.</translation>
    </message>
    <message>
        <source>SpanBERT masks contiguous spans of whole words, lengths from a geometric distribution (p = 0.2, cut at 10: mean 3.8), until 15% of the pieces are covered. Each masked token is also predicted from the span's two boundary tokens and its position (span boundary objective).</source>
        <translation>SpanBERT маскирует непрерывные фрагменты из целых слов с длинами из геометрического распределения (p = 0.2, обрезка на 10: среднее 3.8), пока не покроет 15% частей. Каждый замаскированный токен также предсказывается по двум граничным токенам фрагмента и своей позиции (цель границ фрагмента).</translation>
    </message>
    <message>
        <source>SpanBERT span masking</source>
        <translation>Маскирование фрагментов SpanBERT</translation>
    </message>
    <message>
        <source>T5 replaces 15% of the tokens, in spans of mean length 3, by sentinels &lt;extra_id_0&gt;, &lt;extra_id_1&gt;, …; the decoder writes the missing spans, each after its sentinel. Input + target rebuild the text.</source>
        <translation>T5 заменяет 15% токенов фрагментами средней длины 3 на метки &lt;extra_id_0&gt;, &lt;extra_id_1&gt;, …; декодер пишет пропущенные фрагменты, каждый после своей метки. Вход + цель восстанавливают текст.</translation>
    </message>
    <message>
        <source>T5 span corruption</source>
        <translation>Порча фрагментов T5</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>This model has no NSP head: load stories-bert-mini (BertForPreTraining) to see P(IsNext).</source>
        <translation>У этой модели нет головы NSP: загрузите stories-bert-mini (BertForPreTraining), чтобы увидеть P(IsNext).</translation>
    </message>
    <message>
        <source>This model has no masked-LM head: load stories-bert-mini to see its reconstruction.</source>
        <translation>У этой модели нет головы маскированной LM: загрузите stories-bert-mini, чтобы увидеть восстановление.</translation>
    </message>
    <message>
        <source>Whole-word masking</source>
        <translation>Маскирование целых слов</translation>
    </message>
    <message>
        <source>Whole-word masking picks words, not pieces: all sub-words of a chosen word are masked together, so the model cannot guess '##ly' from 'li'.</source>
        <translation>Маскирование целых слов выбирает слова, а не части: все подслова выбранного слова маскируются вместе, и модель не может угадать «##ly» по «li».</translation>
    </message>
    <message>
        <source>binary cross-entropy over every token</source>
        <translation>бинарная кросс-энтропия по каждому токену</translation>
    </message>
    <message>
        <source>decoder target {0}</source>
        <translation>цель декодера {0}</translation>
    </message>
    <message>
        <source>input position {0}</source>
        <translation>позиция входа {0}</translation>
    </message>
    <message>
        <source>mean cross-entropy over the targets</source>
        <translation>средняя кросс-энтропия по целям</translation>
    </message>
    <message>
        <source>original</source>
        <translation>исходный</translation>
    </message>
    <message>
        <source>part B position {0}</source>
        <translation>позиция в части B {0}</translation>
    </message>
    <message>
        <source>position {0}: target '{1}', model's top token '{2}', P(target) = {3:.3f}, loss {4:.3f}</source>
        <translation>позиция {0}: цель «{1}», лучший токен модели «{2}», P(цель) = {3:.3f}, потери {4:.3f}</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>заменён</translation>
    </message>
    <message>
        <source>sentence {0} then sentence {1}</source>
        <translation>предложение {0}, затем предложение {1}</translation>
    </message>
    <message>
        <source>token {0} '{1}': {2}</source>
        <translation>токен {0} «{1}»: {2}</translation>
    </message>
    <message>
        <source>{0} masked, {1} in spans, {2} deleted, {3} moved; {4} span lengths drawn ({5} of length 0 → inserted masks). Input {6} tokens, target {7}.</source>
        <translation>замаскировано {0}, во фрагментах {1}, удалено {2}, перемещено {3}; выпало длин фрагментов: {4} (из них нулевой длины {5} → вставленные маски). Вход {6} токенов, цель {7}.</translation>
    </message>
    <message>
        <source>{0} of {1} tokens in {2} noise spans (lengths {3}); input {4} tokens, target {5}.</source>
        <translation>{0} из {1} токенов в {2} шумовых фрагментах (длины {3}); вход {4} токенов, цель {5}.</translation>
    </message>
    <message>
        <source>{0} pairs: {1} IsNext, {2} NotNext.</source>
        <translation>пар: {0}; IsNext: {1}, NotNext: {2}.</translation>
    </message>
    <message>
        <source>{0} spans (lengths {1}); part A has {2} tokens, part B {3}.</source>
        <translation>фрагментов: {0} (длины {1}); в части A {2} токенов, в части B {3}.</translation>
    </message>
    <message>
        <source>{0} tokens masked for the generator: {1} replaced by a different token, {2} sampled back as the original (those count as original). The discriminator is trained on all {3} tokens.</source>
        <translation>Для генератора замаскировано токенов: {0}; {1} заменены другим токеном, {2} снова выпали исходными (они считаются исходными). Дискриминатор обучается на всех {3} токенах.</translation>
    </message>
    <message>
        <source>{0} tokens, {1} next-token targets.</source>
        <translation>{0} токенов, {1} целей следующего токена.</translation>
    </message>
    <message>
        <source>{0} · P(IsNext) = {1:.2f}</source>
        <translation>{0} · P(следующее) = {1:.2f}</translation>
    </message>
</context>
<context>
    <name>ProbeView</name>
    <message>
        <source>Probe before training</source>
        <translation>Проверка до обучения</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>Проверка сейчас</translation>
    </message>
    <message>
        <source>The probe sentence is run through the model being trained before the first step and after every evaluation: watch its prediction move.</source>
        <translation>Проверочное предложение прогоняется через обучаемую модель перед первым шагом и после каждой оценки: смотрите, как меняется её предсказание.</translation>
    </message>
    <message>
        <source>Type a probe sentence and start training.</source>
        <translation>Введите проверочное предложение и начните обучение.</translation>
    </message>
</context>
<context>
    <name>PromptWorkbench</name>
    <message>
        <source>Preset</source>
        <translation>Набор</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Инструкция</translation>
    </message>
    <message>
        <source>T5 prefix</source>
        <translation>Префикс T5</translation>
    </message>
    <message>
        <source>Input label</source>
        <translation>Метка входа</translation>
    </message>
    <message>
        <source>Answer label</source>
        <translation>Метка ответа</translation>
    </message>
    <message>
        <source>Answer cue</source>
        <translation>Подсказка ответа</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Candidate answers</source>
        <translation>Варианты ответа</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Примеры</translation>
    </message>
    <message>
        <source>input</source>
        <translation>вход</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>рассуждение</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Use as prompt</source>
        <translation>Сделать промптом</translation>
    </message>
    <message>
        <source>Score answers</source>
        <translation>Оценить ответы</translation>
    </message>
    <message>
        <source>answers separated by | — e.g.  positive| negative</source>
        <translation>ответы через | — например,  positive| negative</translation>
    </message>
    <message>
        <source>zero-shot: task description + input (GPT-2). few-shot: k solved examples before the query, no weight update (GPT-3 in-context learning). chain-of-thought: the examples show their reasoning. instruction: the task said in words (FLAN/T0). t5-prefix: T5's text-to-text task prefixes.</source>
        <translation>zero-shot: описание задачи + вход (GPT-2). few-shot: k решённых примеров перед запросом, без обновления весов (обучение в контексте GPT-3). цепочка рассуждений: примеры показывают ход решения. инструкция: задача словами (FLAN/T0). префикс T5: текстовые префиксы задач T5.</translation>
    </message>
    <message>
        <source>Classification without generation (GPT-2/GPT-3 papers): the log-probability of each answer as the continuation of the prompt (decoder) or as the target (encoder-decoder), summed over its tokens.</source>
        <translation>Классификация без генерации (статьи о GPT-2/GPT-3): логарифм вероятности каждого ответа как продолжения промпта (декодер) или как цели (энкодер-декодер), суммированный по его токенам.</translation>
    </message>
    <message>
        <source>The assembled prompt: instruction yellow, examples green, query blue, T5 prefix pink.</source>
        <translation>Собранный промпт: инструкция — жёлтая, примеры — зелёные, запрос — синий, префикс T5 — розовый.</translation>
    </message>
    <message>
        <source>new input</source>
        <translation>новый вход</translation>
    </message>
    <message>
        <source>{0} tokens, {1} characters</source>
        <translation>{0} токенов, {1} символов</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} символов</translation>
    </message>
    <message>
        <source>Zero-shot prediction: {0}</source>
        <translation>Предсказание zero-shot: {0}</translation>
    </message>
</context>
<context>
    <name>RunCompareView</name>
    <message>
        <source>Add a saved run…</source>
        <translation>Добавить сохранённый прогон…</translation>
    </message>
    <message>
        <source>Tick runs to overlay their curves (dashed) on the training plots; the table shows the settings and results that differ.</source>
        <translation>Отметьте прогоны, чтобы наложить их кривые (пунктиром) на графики обучения; таблица показывает различающиеся настройки и результаты.</translation>
    </message>
    <message>
        <source>Pick a saved run</source>
        <translation>Выберите сохранённый прогон</translation>
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
        <translation>p{0} для {1}</translation>
    </message>
    <message>
        <source>SBO inputs for "{0}" (each row scaled to its largest value)</source>
        <translation>Входы SBO для «{0}» (каждая строка масштабирована по своему максимуму)</translation>
    </message>
    <message>
        <source>This model has no position-embedding table (rotary positions): only the boundary vectors are shown.</source>
        <translation>У этой модели нет таблицы позиционных эмбеддингов (ротационные позиции): показаны только граничные векторы.</translation>
    </message>
</context>
<context>
    <name>ScalarMixEditor</name>
    <message>
        <source>ELMo scalar mix: γ · Σ softmax(s)ⱼ · hⱼ</source>
        <translation>Скалярная смесь ELMo: γ · Σ softmax(s)ⱼ · hⱼ</translation>
    </message>
    <message>
        <source>γ scales the whole mixed vector (ELMo learns it per task). Cosines do not change with γ; vector lengths do.</source>
        <translation>γ масштабирует весь смешанный вектор (ELMo обучает его для каждой задачи). Косинусы от γ не зависят; длины векторов — зависят.</translation>
    </message>
    <message>
        <source>The weight each layer gets in the vector shown (softmax of the sliders in scalar-mix mode).</source>
        <translation>Вес каждого слоя в показанном векторе (softmax ползунков в режиме скалярной смеси).</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>s{0}: the unnormalised weight of layer {0} (0 = embeddings)</source>
        <translation>s{0}: ненормированный вес слоя {0} (0 = эмбеддинги)</translation>
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
        <translation>Модель {0}: {1}</translation>
    </message>
    <message>
        <source>Input: “{0}”</source>
        <translation>Вход: «{0}»</translation>
    </message>
</context>
<context>
    <name>SentenceTokensView</name>
    <message>
        <source>S{0}</source>
        <translation>П{0}</translation>
    </message>
    <message>
        <source>Sentence {0}, token {1}: {2}</source>
        <translation>Предложение {0}, токен {1}: {2}</translation>
    </message>
</context>
<context>
    <name>SideBySidePage</name>
    <message>
        <source>beam score {0:.3f}</source>
        <translation>оценка луча {0:.3f}</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Run on A and B</source>
        <translation>Запустить на A и B</translation>
    </message>
    <message>
        <source>Generate from the same prompt with the same settings on both model slots: a decoder against a seq2seq model, a base against an instruction-tuned model, or one model with two seeds.</source>
        <translation>Сгенерировать из одного промпта с одинаковыми настройками на обоих слотах: декодер против seq2seq-модели, базовая модель против обученной инструкциям или одна модель с двумя зёрнами.</translation>
    </message>
    <message>
        <source>Sampling: B uses seed + 1</source>
        <translation>Сэмплирование: B использует зерно + 1</translation>
    </message>
    <message>
        <source>Compare two random draws of the same model (or two models with different seeds). Off: both use the same seed.</source>
        <translation>Сравнить два случайных прогона одной модели (или две модели с разными зёрнами). Выкл.: у обоих одно зерно.</translation>
    </message>
    <message>
        <source>Load a second model into slot B in the model bar to compare two models.</source>
        <translation>Загрузите вторую модель в слот B в панели моделей, чтобы сравнить две модели.</translation>
    </message>
    <message>
        <source>(empty slot)</source>
        <translation>(пустой слот)</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;A&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;B&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <source>{0} tokens · output perplexity {1}</source>
        <translation>{0} токенов · перплексия выхода {1}</translation>
    </message>
</context>
<context>
    <name>SimilarityTab</name>
    <message>
        <source>Static tables (left, middle) hold one vector per word type: every occurrence gets the same vector, so all cosines are 1 whatever the sentence. A contextual model (right) gives each occurrence its own vector: different senses drift apart.</source>
        <translation>Статические таблицы (слева, в центре) хранят один вектор на тип слова: каждое употребление получает тот же вектор, поэтому все косинусы равны 1, каким бы ни было предложение. Контекстная модель (справа) даёт каждому употреблению свой вектор: разные значения расходятся.</translation>
    </message>
    <message>
        <source>The model's own input-embedding rows (before any layer): static.</source>
        <translation>Собственные строки входных эмбеддингов модели (до всех слоёв): статические.</translation>
    </message>
    <message>
        <source>GloVe 6B, 50 dimensions, 400,000 words: one vector per word type.</source>
        <translation>GloVe 6B, 50 измерений, 400 000 слов: один вектор на тип слова.</translation>
    </message>
    <message>
        <source>The model's hidden states at the chosen layer or mix: contextual.</source>
        <translation>Скрытые состояния модели на выбранном слое или смеси: контекстные.</translation>
    </message>
    <message>
        <source>GloVe: no '{0}'</source>
        <translation>GloVe: нет «{0}»</translation>
    </message>
    <message>
        <source>GloVe 50d</source>
        <translation>GloVe, 50 измерений</translation>
    </message>
</context>
<context>
    <name>SpanHistogramView</name>
    <message>
        <source>{0} samples: mean {1:.2f} (theory {2:.2f}, red)</source>
        <translation>{0} выборок: среднее {1:.2f} (теория {2:.2f}, красным)</translation>
    </message>
</context>
<context>
    <name>SpansPanel</name>
    <message>
        <source>Presets…</source>
        <translation>Наборы…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Run the model once on all lines (Ctrl+Enter)</source>
        <translation>Один прогон модели по всем строкам (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>One sentence per line. A span never crosses from one line to the next; another line can hold the reference span.</source>
        <translation>Одно предложение на строку. Фрагмент не переходит с одной строки на другую; на другой строке может быть фрагмент-эталон.</translation>
    </message>
    <message>
        <source>Span:</source>
        <translation>Фрагмент:</translation>
    </message>
    <message>
        <source>i..j</source>
        <translation>i..j</translation>
    </message>
    <message>
        <source>Type a span as i..j (inclusive) and press Enter, or drag over the tokens above</source>
        <translation>Введите фрагмент как i..j (включительно) и нажмите Enter или проведите мышью по токенам выше</translation>
    </message>
    <message>
        <source>word indices</source>
        <translation>номера слов</translation>
    </message>
    <message>
        <source>token indices</source>
        <translation>номера токенов</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>Сделать эталоном</translation>
    </message>
    <message>
        <source>Compare every span with the selected one (Ctrl+R); the reference may come from another line</source>
        <translation>Сравнить каждый фрагмент с выбранным (Ctrl+R); эталон может быть с другой строки</translation>
    </message>
    <message>
        <source>spanRep:</source>
        <translation>Представление фрагмента spanRep:</translation>
    </message>
    <message>
        <source>[hᵢ; hⱼ; attention-pooled gᵢⱼ]</source>
        <translation>[hᵢ; hⱼ; пулинг вниманием gᵢⱼ]</translation>
    </message>
    <message>
        <source>gᵢⱼ = mean(hᵢ..hⱼ). FFN_start/FFN_end and the attention scorer are learned by a span task; until then they are random and labelled so.</source>
        <translation>gᵢⱼ = mean(hᵢ..hⱼ). FFN_start/FFN_end и оценщик внимания обучаются задачей на фрагментах; до того они случайны и так и подписаны.</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>слой </translation>
    </message>
    <message>
        <source>Hidden states of this layer are the hᵢ</source>
        <translation>Скрытые состояния этого слоя — это hᵢ</translation>
    </message>
    <message>
        <source>Max length L:</source>
        <translation>Макс. длина L:</translation>
    </message>
    <message>
        <source>Score all spans up to this many tokens long (T(T+1)/2 spans when L ≥ T)</source>
        <translation>Оценить все фрагменты длиной до стольких токенов (T(T+1)/2 фрагментов при L ≥ T)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save the visible view as PNG or SVG (Ctrl+E)</source>
        <translation>Сохранить видимое представление в PNG или SVG (Ctrl+E)</translation>
    </message>
    <message>
        <source>All spans</source>
        <translation>Все фрагменты</translation>
    </message>
    <message>
        <source>Representations</source>
        <translation>Представления</translation>
    </message>
    <message>
        <source>SBO inputs</source>
        <translation>Входы SBO</translation>
    </message>
    <message>
        <source>start token</source>
        <translation>начальный токен</translation>
    </message>
    <message>
        <source>end token</source>
        <translation>конечный токен</translation>
    </message>
    <message>
        <source>Every span gets its own score, so nested spans such as "United Airlines" inside "United Airlines Holding" can both be labelled — BIO tags give each token one tag and cannot.</source>
        <translation>Каждый фрагмент получает свою оценку, поэтому вложенные фрагменты, например «United Airlines» внутри «United Airlines Holding», можно разметить оба — BIO-теги дают каждому токену один тег и так не могут.</translation>
    </message>
    <message>
        <source>SpanBERT's span boundary objective predicts each token inside the span from the outputs of the token just before and just after the span, together with the position embedding of its place inside the span (fed to a 2-layer FFN). These rows are those inputs, not a prediction.</source>
        <translation>Цель границ фрагмента (SBO) в SpanBERT предсказывает каждый токен внутри фрагмента по выходам токенов непосредственно до и после фрагмента вместе с позиционным эмбеддингом его места внутри фрагмента (через двухслойную FFN). Эти строки — эти входы, а не предсказание.</translation>
    </message>
    <message>
        <source>Load a model to see span representations.</source>
        <translation>Загрузите модель, чтобы увидеть представления фрагментов.</translation>
    </message>
    <message>
        <source>Trained span heads could not be used: {0}</source>
        <translation>Обученные головы фрагментов использовать не удалось: {0}</translation>
    </message>
    <message>
        <source>A span must stay inside one sentence: S{0} and S{1} are different lines.</source>
        <translation>Фрагмент должен быть внутри одного предложения: П{0} и П{1} — разные строки.</translation>
    </message>
    <message>
        <source>The span is empty: type two indices like 2..4.</source>
        <translation>Фрагмент пуст: введите два номера, например 2..4.</translation>
    </message>
    <message>
        <source>cosine to "{0}" (S{1})</source>
        <translation>косинус с «{0}» (П{1})</translation>
    </message>
    <message>
        <source>S{0}: span {1}..{2} = "{3}". {4} spans of length ≤ {5} scored ({6} tokens; T(T+1)/2 = {7}).</source>
        <translation>П{0}: фрагмент {1}..{2} = «{3}». Оценено фрагментов длины ≤ {5}: {4} ({6} токенов; T(T+1)/2 = {7}).</translation>
    </message>
    <message>
        <source>L = {0} is longer than the sentence ({1} tokens): every span is scored, T(T+1)/2 = {2}.</source>
        <translation>L = {0} длиннее предложения ({1} токенов): оцениваются все фрагменты, T(T+1)/2 = {2}.</translation>
    </message>
    <message>
        <source>⚠ FFN/attention projections are random (untrained).</source>
        <translation>⚠ Проекции FFN/внимания случайны (не обучены).</translation>
    </message>
    <message>
        <source> — random projections, untrained</source>
        <translation> — случайные проекции, не обучены</translation>
    </message>
    <message>
        <source>spanRep for "{0}" (tokens {1}..{2}), {3} numbers per variant.</source>
        <translation>spanRep для «{0}» (токены {1}..{2}), {3} чисел на вариант.</translation>
    </message>
    <message>
        <source>Nothing to export yet: run the model first.</source>
        <translation>Пока нечего экспортировать: сначала запустите модель.</translation>
    </message>
</context>
<context>
    <name>StageBarsView</name>
    <message>
        <source>raw softmax</source>
        <translation>исходный softmax</translation>
    </message>
    <message>
        <source>repetition penalty</source>
        <translation>штраф за повторы</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>температура</translation>
    </message>
    <message>
        <source>top-k</source>
        <translation>отсечение top-k</translation>
    </message>
    <message>
        <source>top-p / min-p</source>
        <translation>отсечение top-p / min-p</translation>
    </message>
    <message>
        <source>{0} kept</source>
        <translation>оставлено: {0}</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>Candidates (raw p)</source>
        <translation>Кандидаты (исходная p)</translation>
    </message>
    <message>
        <source>Continue with this token</source>
        <translation>Продолжить с этим токеном</translation>
    </message>
    <message>
        <source>Branching: replace the token at this step by the selected candidate and generate on from there. The old continuation stays in the branch list.</source>
        <translation>Ветвление: заменить токен на этом шаге выбранным кандидатом и продолжить генерацию оттуда. Старое продолжение остаётся в списке ветвей.</translation>
    </message>
    <message>
        <source>Layer by layer (logit lens)</source>
        <translation>Слой за слоем (логит-линза)</translation>
    </message>
    <message>
        <source>Read every layer's hidden state at this step through the final norm and the LM head: where in the network does the prediction appear?</source>
        <translation>Прочитать скрытое состояние каждого слоя на этом шаге через финальную нормализацию и голову LM: где в сети появляется предсказание?</translation>
    </message>
    <message>
        <source>The decoding pipeline at this step, in transformers' order: raw softmax → repetition penalty → temperature → top-k → top-p/min-p (each renormalised). Green: the chosen token; grey: filtered out (−∞). Moving a control redraws the stages without running the model again.</source>
        <translation>Конвейер декодирования на этом шаге в порядке transformers: исходный softmax → штраф за повторы → температура → top-k → top-p/min-p (каждый раз с перенормировкой). Зелёный: выбранный токен; серый: отфильтрован (−∞). Изменение настройки перерисовывает этапы без нового прогона модели.</translation>
    </message>
    <message>
        <source>Click a generated token to inspect its step.</source>
        <translation>Нажмите на сгенерированный токен, чтобы разобрать его шаг.</translation>
    </message>
    <message>
        <source>Step {0}: chose {1}</source>
        <translation>Шаг {0}: выбрано {1}</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>слой {0}</translation>
    </message>
    <message>
        <source>Cross-attention of this step: how much the decoder looked at each source token (mean over heads), layer by layer.</source>
        <translation>Перекрёстное внимание на этом шаге: насколько декодер смотрел на каждый токен источника (среднее по головам), слой за слоем.</translation>
    </message>
</context>
<context>
    <name>TaskProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
<context>
    <name>TrainCurvesView</name>
    <message>
        <source>F1</source>
        <translation>F1-мера</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Норма градиента</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Потери на обучении</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Валидация</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>перплексия</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>исходные</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>сглаженные</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>val. loss</source>
        <translation>потери на валидации</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>emb</source>
        <translation>эмб</translation>
    </message>
    <message>
        <source>L{0}</source>
        <translation>С{0}</translation>
    </message>
    <message>
        <source>head</source>
        <translation>голова</translation>
    </message>
    <message>
        <source>Training labels of the first example's sub-words:</source>
        <translation>Обучающие метки подслов первого примера:</translation>
    </message>
</context>
</TS>