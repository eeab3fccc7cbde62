<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AttributesPanel</name>
    <message>
        <source>Select a span to code it.</source>
        <translation>حدّد مقطعًا لترميزه.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; with no word</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; بلا كلمة</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; على %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>The canonical actor or place this mention refers to, shared across documents. Pick one already used, or type a new name and press Enter.</source>
        <translation>الفاعل أو المكان المعياري الذي يشير إليه هذا الذكر، مشترك بين المستندات. اختر واحدًا مستعملًا من قبل، أو اكتب اسمًا جديدًا واضغط Enter.</translation>
    </message>
    <message>
        <source>canonical</source>
        <translation>الاسم المعياري</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>&lt;b&gt;Roles&lt;/b&gt; (Ctrl+L, then click the span that fills one)</source>
        <translation>&lt;b&gt;الأدوار&lt;/b&gt; (Ctrl+L، ثم انقر المقطع الذي يشغل دورًا)</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>فكّ الربط</translation>
    </message>
    <message>
        <source>Link an argument…</source>
        <translation>اربط مُعامِلًا…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Argument of&lt;/b&gt;</source>
        <translation>&lt;b&gt;مُعامِل في&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DiscussionPanel</name>
    <message>
        <source>Open threads only</source>
        <translation>النقاشات المفتوحة فقط</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>اكتب تعليقًا…</translation>
    </message>
    <message>
        <source>On selected span</source>
        <translation>على المقطع المحدد</translation>
    </message>
    <message>
        <source>On document</source>
        <translation>على المستند</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>ردّ</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>أغلق النقاش</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>أعد الفتح</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Filter by name…</source>
        <translation>رشّح بالاسم…</translation>
    </message>
    <message>
        <source>Only documents with open discussions</source>
        <translation>المستندات ذات النقاشات المفتوحة فقط</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>◐ in progress</source>
        <translation>◐ قيد العمل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>○ new</source>
        <translation>○ جديد</translation>
    </message>
    <message>
        <source>● done</source>
        <translation>● منجز</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>الكلمة</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Another on this word</source>
        <translation>آخر على هذه الكلمة</translation>
    </message>
    <message>
        <source>Another event on the selected word (Ctrl+J)</source>
        <translation>حدث آخر على الكلمة المحددة (Ctrl+J)</translation>
    </message>
    <message>
        <source>No word</source>
        <translation>بلا كلمة</translation>
    </message>
    <message>
        <source>An event with no trigger word (Ctrl+Shift+J)</source>
        <translation>حدث بلا كلمة دالّة (Ctrl+Shift+J)</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>احذف الحدث</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>ابحث:</translation>
    </message>
    <message>
        <source>word or phrase (%1 alike; diacritics and tatweel ignored)</source>
        <translation>كلمة أو عبارة (%1 سواء؛ تُهمل الحركات والتطويل)</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>لا تطابق</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>was %1</source>
        <translation>كان %1</translation>
    </message>
    <message>
        <source>create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>update</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>link</source>
        <translation>ربط</translation>
    </message>
    <message>
        <source>unlink</source>
        <translation>فكّ ربط</translation>
    </message>
    <message>
        <source>status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>undo accept</source>
        <translation>تراجع عن القبول</translation>
    </message>
    <message>
        <source>accept agreed</source>
        <translation>قبول المتفق عليه</translation>
    </message>
    <message>
        <source>event create</source>
        <translation>إنشاء حدث</translation>
    </message>
    <message>
        <source>event update</source>
        <translation>تعديل حدث</translation>
    </message>
    <message>
        <source>event delete</source>
        <translation>حذف حدث</translation>
    </message>
    <message>
        <source>event restore</source>
        <translation>استعادة حدث</translation>
    </message>
    <message>
        <source>accept event</source>
        <translation>قبول حدث</translation>
    </message>
    <message>
        <source>undo accept event</source>
        <translation>تراجع عن قبول حدث</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>إغلاق النقاش</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <source>place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — annotator (%2)</source>
        <translation>%1 — annotator (%2)</translation>
    </message>
    <message>
        <source>Annotator: %1 ▾</source>
        <translation>المُوسِّم: %1 ▾</translation>
    </message>
</context>
<context>
    <name>PlaceCoding</name>
    <message>
        <source>No coordinates yet: choose an entry, or type them.</source>
        <translation>لا إحداثيات بعد: اختر مدخلًا، أو اكتبها.</translation>
    </message>
    <message>
        <source>Type a latitude and a longitude, e.g. 35.33, 40.14 (not %1).</source>
        <translation>اكتب خط العرض ثم خط الطول، مثل 35.33، 40.14 (لا %1).</translation>
    </message>
</context>
<context>
    <name>PlacePanel</name>
    <message>
        <source>latitude, longitude — e.g. 35.33, 40.14</source>
        <translation>خط العرض، خط الطول — مثل 35.33، 40.14</translation>
    </message>
    <message>
        <source>No coordinates</source>
        <translation>بلا إحداثيات</translation>
    </message>
    <message>
        <source>Where is %1?</source>
        <translation>أين يقع %1؟</translation>
    </message>
    <message>
        <source>No gazetteer yet: annotator places PROJECT --import FILE adds one.</source>
        <translation>لا معجم أماكن بعد: يضيفه الأمر annotator places PROJECT --import FILE.</translation>
    </message>
    <message>
        <source>The gazetteer has no place of that name.</source>
        <translation>لا مكان بهذا الاسم في معجم الأماكن.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles</source>
        <translation>ابحث في كل المقالات</translation>
    </message>
    <message>
        <source>Words are found whatever their spelling of %1, their diacritics and tatweel, and with a proclitic before them (و ف ب ل ك ال)</source>
        <translation>تُوجد الكلمات أيًّا كان رسمها لـ %1، وحركاتها وتطويلها، ومع سابقة قبلها (و ف ب ل ك ال)</translation>
    </message>
    <message>
        <source>Preparing the search index…</source>
        <translation>يُعَدّ فهرس البحث…</translation>
    </message>
    <message>
        <source>Preparing the search index: %1 of %2 articles…</source>
        <translation>يُعَدّ فهرس البحث: %1 من %2 مقالة…</translation>
    </message>
    <message>
        <source>No article has %1.</source>
        <translation>لا مقالة فيها %1.</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>مقالة واحدة</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>المقالات: %1</translation>
    </message>
    <message>
        <source>Articles with %1 (of %2 with all its words)</source>
        <translation>مقالات فيها %1 (من %2 فيها كل كلماته)</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>الترميز</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>All changes saved</source>
        <translation>حُفظت كل التغييرات</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>لم يُحفظ!</translation>
    </message>
    <message>
        <source>Waiting to save…</source>
        <translation>في انتظار الحفظ…</translation>
    </message>
    <message>
        <source>Waiting %1 s for another program to finish writing to the project (an import?); your edit is saved as soon as it has.</source>
        <translation>ننتظر %1 ث حتى ينتهي برنامج آخر من الكتابة في المشروع (استيراد؟)؛ يُحفظ تعديلك فور انتهائه.</translation>
    </message>
    <message>
        <source>The edit was not made</source>
        <translation>لم يُجرَ التعديل</translation>
    </message>
    <message>
        <source>%1 span</source>
        <translation>%1 مقطع</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>المقاطع: %1</translation>
    </message>
    <message>
        <source> (%1&apos;s, read-only)</source>
        <translation> (طبقة %1، للقراءة فقط)</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>المُوسِّم: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Welcome to annotator</source>
        <translation>مرحبًا بك في annotator</translation>
    </message>
    <message>
        <source>Your name, as it will appear on your annotations:</source>
        <translation>اسمك كما سيظهر على توسيماتك:</translation>
    </message>
</context>
<context>
    <name>guidelines</name>
    <message>
        <source>by %1</source>
        <translation>بحسب %1</translation>
    </message>
    <message>
        <source>a whole number, %1–%2</source>
        <translation>عدد صحيح، %1–%2</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>a date: YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>تاريخ: سنة-شهر-يوم، أو سنة-شهر، أو سنة</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>نعم أو لا</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>نص حر</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>(مطلوب)</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>%1 span, one or several</source>
        <translation>مقطع %1، واحد أو أكثر</translation>
    </message>
    <message>
        <source>%1 span, at most one</source>
        <translation>مقطع %1، واحد على الأكثر</translation>
    </message>
    <message>
        <source>any kind of</source>
        <translation>من أي نوع</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>أمثلة</translation>
    </message>
    <message>
        <source>key &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>المفتاح &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>guidelines %1</source>
        <translation>الإرشادات %1</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>actor</source>
        <translation>فاعل</translation>
    </message>
    <message>
        <source>location</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <source>other</source>
        <translation>آخر</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>اختيار</translation>
    </message>
    <message>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>نعم/لا</translation>
    </message>
</context>
<context>
    <name>language_menu</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The change takes effect the next time annotator opens.</source>
        <translation>يسري التغيير في المرة القادمة التي يُفتح فيها annotator.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>&amp;Digits in counts</source>
        <translation>الأ&amp;رقام في الأعداد</translation>
    </message>
    <message>
        <source>Western (0123456789)</source>
        <translation>غربية (0123456789)</translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
        <translation>هندية (٠١٢٣٤٥٦٧٨٩)</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>ا&amp;فتح مشروعًا…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>افتح م&amp;ؤخرًا</translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستورد مقالات…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>استورد م&amp;جلدًا…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>&amp;Merge a colleague&apos;s work…</source>
        <translation>ا&amp;دمج عمل زميل…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>انسخ احتياطيًا الآن</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعد نسخة احتياطية…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>أ&amp;عد</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>ا&amp;بحث…</translation>
    </message>
    <message>
        <source>Search &amp;all articles…</source>
        <translation>ابحث في &amp;كل المقالات…</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>ا&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>&amp;Link event to an argument…</source>
        <translation>ا&amp;ربط الحدث بمُعامِل…</translation>
    </message>
    <message>
        <source>Another &amp;event on this word</source>
        <translation>&amp;حدث آخر على هذه الكلمة</translation>
    </message>
    <message>
        <source>An event with &amp;no word…</source>
        <translation>حدث &amp;بلا كلمة…</translation>
    </message>
    <message>
        <source>Delete the selected e&amp;vent</source>
        <translation>احذف ال&amp;حدث المحدد</translation>
    </message>
    <message>
        <source>Code the selected span</source>
        <translation>رمّز المقطع المحدد</translation>
    </message>
    <message>
        <source>&amp;Snap selections to whole words</source>
        <translation>ا&amp;جعل التحديد يشمل كلمات كاملة</translation>
    </message>
    <message>
        <source>Edit the &amp;schema…</source>
        <translation>حرّر ال&amp;مخطط…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>الم&amp;ستند</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Mark &amp;done and open next</source>
        <translation>علّمه &amp;منجزًا وافتح التالي</translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation>علّمه &amp;قيد العمل</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>الم&amp;راجعة</translation>
    </message>
    <message>
        <source>&amp;Review mode: layers side by side</source>
        <translation>وضع الم&amp;راجعة: الطبقات جنبًا إلى جنب</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>الاختلاف التالي</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>الاختلاف السابق</translation>
    </message>
    <message>
        <source>Accept all agreed in this document</source>
        <translation>اقبل كل المتفق عليه في هذا المستند</translation>
    </message>
    <message>
        <source>Accept all agreed in every document…</source>
        <translation>اقبل كل المتفق عليه في كل المستندات…</translation>
    </message>
    <message>
        <source>Agreement &amp;dashboard…</source>
        <translation>&amp;لوحة الاتفاق…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;كبّر</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;صغّر</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>أعد ال&amp;تكبير إلى أصله</translation>
    </message>
    <message>
        <source>Show &amp;invisible characters (bidi marks, joiners)</source>
        <translation>أظهر المحارف ال&amp;خفية (علامات الاتجاه، الواصلات)</translation>
    </message>
    <message>
        <source>&amp;Annotator</source>
        <translation>المُ&amp;وسِّم</translation>
    </message>
    <message>
        <source>&amp;Switch annotator…</source>
        <translation>&amp;غيّر المُوسِّم…</translation>
    </message>
    <message>
        <source>Show a colleague&apos;s &amp;layer (read-only)…</source>
        <translation>اعرض &amp;طبقة زميل (للقراءة فقط)…</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>&apos;%1&apos; is required</source>
        <translation>السمة «%1» مطلوبة</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of %2; got %3</source>
        <translation>يجب أن يكون «%1» أحد: %2؛ والمُدخل %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number in its range; got %3</source>
        <translation>يجب أن يكون «%1» عددًا صحيحًا في مداه؛ والمُدخل %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be yes or no; got %3</source>
        <translation>يجب أن يكون «%1» نعم أو لا؛ والمُدخل %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a date YYYY-MM-DD (or YYYY-MM, YYYY); got %3</source>
        <translation>يجب أن يكون «%1» تاريخًا سنة-شهر-يوم (أو سنة-شهر، أو سنة)؛ والمُدخل %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be text; got %3</source>
        <translation>يجب أن يكون «%1» نصًا؛ والمُدخل %3</translation>
    </message>
</context>
<context>
    <name>toolbar</name>
    <message>
        <source>Navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Snap to words</source>
        <translation>كلمات كاملة</translation>
    </message>
</context>
<context>
    <name>window_layout</name>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>النقاش</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
</context>
</TS>
