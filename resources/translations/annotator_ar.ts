<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>AgreementDashboard</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>&lt;b&gt;Krippendorff&apos;s alpha&lt;/b&gt; across %1: %2 (on %3 token labels)</source>
        <translation>&lt;b&gt;ألفا كريبندورف&lt;/b&gt; بين %1: %2 (على %3 من أوسام الكلمات)</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>المُوسِّمون</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>الدقة (تطابق تام)</translation>
    </message>
    <message>
        <source>Exact R</source>
        <translation>الاستدعاء (تطابق تام)</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 (تطابق تام)</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>Events exact F1</source>
        <translation>F1 الأحداث (تطابق تام)</translation>
    </message>
    <message>
        <source>Events overlap F1</source>
        <translation>F1 الأحداث (تداخل)</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الأوسام</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Documents (worst first)</source>
        <translation>المستندات (الأسوأ أولًا)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>أغلق</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 تطابق تام</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 تداخل</translation>
    </message>
    <message>
        <source>Agreement per label (%1)</source>
        <translation>الاتفاق لكل وسم (%1)</translation>
    </message>
    <message>
        <source>Chart: labels</source>
        <translation>رسم: الأوسام</translation>
    </message>
    <message>
        <source>Label confusion</source>
        <translation>الخلط بين الأوسام</translation>
    </message>
    <message>
        <source>Chart: confusion</source>
        <translation>رسم: الخلط</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>documents (of %1)</source>
        <translation>المستندات (من %1)</translation>
    </message>
    <message>
        <source>Chart: progress</source>
        <translation>رسم: التقدّم</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>Start earlier</source>
        <translation>ابدأ أبكر</translation>
    </message>
    <message>
        <source>Start later</source>
        <translation>ابدأ متأخرًا</translation>
    </message>
    <message>
        <source>End earlier</source>
        <translation>انتهِ أبكر</translation>
    </message>
    <message>
        <source>End later</source>
        <translation>انتهِ متأخرًا</translation>
    </message>
    <message>
        <source>Proclitic in</source>
        <translation>أدخِل السابقة</translation>
    </message>
    <message>
        <source>Proclitic out</source>
        <translation>أخرِج السابقة</translation>
    </message>
    <message>
        <source>This is %1&apos;s layer, shown read-only. Annotator ▸ Show my layer (%2) to annotate.</source>
        <translation>هذه طبقة %1، معروضة للقراءة فقط. المُوسِّم ◂ اعرض طبقتي (%2) للتوسيم.</translation>
    </message>
    <message>
        <source>The selection holds only white space.</source>
        <translation>التحديد لا يحوي إلا فراغات.</translation>
    </message>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا، ثم اضغط مفتاح وسم.</translation>
    </message>
    <message>
        <source>The start of %1 cannot move that way.</source>
        <translation>لا يمكن تحريك بداية %1 في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>The end of %1 cannot move that way.</source>
        <translation>لا يمكن تحريك نهاية %1 في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>The proclitic of %1 cannot move that way.</source>
        <translation>لا يمكن تحريك سابقة %1 في هذا الاتجاه.</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>وسّم بـ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>احذف</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>Code (attributes)…</source>
        <translation>رمّز (السمات)…</translation>
    </message>
    <message>
        <source>Link an argument…</source>
        <translation>اربط مُعامِلًا…</translation>
    </message>
    <message>
        <source>Another event on this word</source>
        <translation>حدث آخر على هذه الكلمة</translation>
    </message>
    <message>
        <source>Discuss…</source>
        <translation>ناقش…</translation>
    </message>
    <message>
        <source>Copy text with offsets</source>
        <translation>انسخ النص مع مواضعه</translation>
    </message>
</context>
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
    <name>AttributesTab</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>القيم</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>مطلوبة</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>تتبع</translation>
    </message>
    <message>
        <source>Rename attribute</source>
        <translation>أعد تسمية السمة</translation>
    </message>
    <message>
        <source>Delete attribute</source>
        <translation>احذف السمة</translation>
    </message>
    <message>
        <source>Remove the attribute (Delete)</source>
        <translation>أزل السمة (Delete)</translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation>سمة جديدة</translation>
    </message>
    <message>
        <source>name, e.g. civilian_targeting</source>
        <translation>الاسم، مثلًا civilian_targeting</translation>
    </message>
    <message>
        <source>A choice whose values each list their own values (a sub-type)</source>
        <translation>اختيار تسرد كل قيمة من قيمه قيمًا خاصة بها (نوع فرعي)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>مطلوبة</translation>
    </message>
    <message>
        <source>Add &amp;attribute</source>
        <translation>أضف &amp;سمة</translation>
    </message>
    <message>
        <source>F2 or double-click to rename</source>
        <translation>F2 أو نقرة مزدوجة لإعادة التسمية</translation>
    </message>
    <message>
        <source>Values (only a choice attribute has a list of values)</source>
        <translation>القيم (لسمة الاختيار وحدها قائمة قيم)</translation>
    </message>
    <message>
        <source>Values of %1</source>
        <translation>قيم %1</translation>
    </message>
    <message>
        <source>add its values below, under each parent value</source>
        <translation>أضف قيمها أدناه، تحت كل قيمة أصل</translation>
    </message>
    <message>
        <source>for a choice: values, separated by commas</source>
        <translation>للاختيار: القيم، تفصل بينها فواصل</translation>
    </message>
    <message>
        <source>Remove %1 and clear its values from those spans?</source>
        <translation>أتزيل %1 وتمحو قيمها من تلك المقاطع؟</translation>
    </message>
    <message>
        <source>Withdraw %1 and clear it from those spans (with any sub-type chosen under it)?</source>
        <translation>أتسحب %1 وتمحوها من تلك المقاطع (مع أي نوع فرعي اختير تحتها)؟</translation>
    </message>
    <message>
        <source>under</source>
        <translation>تحت</translation>
    </message>
    <message>
        <source>a new value</source>
        <translation>قيمة جديدة</translation>
    </message>
    <message>
        <source>Add &amp;value</source>
        <translation>أضف &amp;قيمة</translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation>أزل القيمة</translation>
    </message>
    <message>
        <source>Withdraw the selected value (Delete)</source>
        <translation>اسحب القيمة المحددة (Delete)</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>Save as PNG or SVG…</source>
        <translation>احفظ بصيغة PNG أو SVG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>احفظ الرسم</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>صور (*.png *.svg)</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>Clone from a hub</source>
        <translation>الاستنساخ من مركز الفريق</translation>
    </message>
    <message>
        <source>Make a project of your own from your team&apos;s hub: its documents, its schema, your assignments and the layers you may read. Work in it offline if need be; File ▸ Sync now sends your work and brings your colleagues&apos;.</source>
        <translation>أنشئ مشروعًا خاصًا بك من مركز فريقك: مستنداته ومخططه وما أُسند إليك والطبقات التي يحق لك قراءتها. اعمل فيه دون اتصال إن لزم؛ ملف ◂ زامِن الآن يرسل عملك ويجلب عمل زملائك.</translation>
    </message>
    <message>
        <source>Hub URL:</source>
        <translation>عنوان المركز:</translation>
    </message>
    <message>
        <source>optional: PGPASSWORD or ~/.pgpass may hold it</source>
        <translation>اختيارية: قد تحفظها PGPASSWORD أو ‎~/.pgpass</translation>
    </message>
    <message>
        <source>Used for this connection only; never stored.</source>
        <translation>تُستعمل لهذا الاتصال فقط، ولا تُحفظ أبدًا.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>a new folder for your copy</source>
        <translation>مجلد جديد لنسختك</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>تصفّح…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>استنسخ</translation>
    </message>
    <message>
        <source>New folder for the hub&apos;s copy</source>
        <translation>مجلد جديد لنسختك من المركز</translation>
    </message>
    <message>
        <source>Give the hub&apos;s URL and a folder for your copy.</source>
        <translation>أدخل عنوان المركز ومجلدًا لنسختك.</translation>
    </message>
    <message>
        <source>Cloning %1…</source>
        <translation>يُستنسخ %1…</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>missing span</source>
        <translation>مقطع ناقص</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>حدود</translation>
    </message>
    <message>
        <source>label</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>سمة</translation>
    </message>
    <message>
        <source>role</source>
        <translation>دور</translation>
    </message>
    <message>
        <source>missing event</source>
        <translation>حدث ناقص</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>مُعامِل</translation>
    </message>
    <message>
        <source>event coding</source>
        <translation>ترميز الحدث</translation>
    </message>
    <message>
        <source>(no word)</source>
        <translation>(بلا كلمة)</translation>
    </message>
    <message>
        <source>%1 event %2</source>
        <translation>حدث %1 %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>not marked by %1</source>
        <translation>لم يوسّمه %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>المُوسِّمون</translation>
    </message>
    <message>
        <source>First version</source>
        <translation>النسخة الأولى</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>الثانية</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>ما يختلف</translation>
    </message>
</context>
<context>
    <name>DiscussionPanel</name>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>[%1] on the document</source>
        <translation>[%1] على المستند</translation>
    </message>
    <message>
        <source>[%1] on %2 %3 (%4), span since removed</source>
        <translation>[%1] على %2 %3 (%4)، وقد حُذف المقطع منذئذ</translation>
    </message>
    <message>
        <source>[%1] on %2 %3 (%4)</source>
        <translation>[%1] على %2 %3 (%4)</translation>
    </message>
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
    <message>
        <source>Write the comment here first.</source>
        <translation>اكتب التعليق هنا أولًا.</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Filter by name…</source>
        <translation>رشّح بالاسم…</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>Most uncertain first</source>
        <translation>الأقل يقينًا أولًا</translation>
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
    <message>
        <source>Assigned to %1 by the hub</source>
        <translation>أسنده المركز إلى %1</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>This is %1&apos;s layer, shown read-only.</source>
        <translation>هذه طبقة %1، معروضة للقراءة فقط.</translation>
    </message>
    <message>
        <source>Select a word marked as an event first (or Ctrl+Shift+J: no word).</source>
        <translation>حدّد أولًا كلمة موسومة حدثًا (أو Ctrl+Shift+J: بلا كلمة).</translation>
    </message>
    <message>
        <source>The schema has no event label.</source>
        <translation>لا وسم حدث في المخطط.</translation>
    </message>
    <message>
        <source>Select an event first (in the events list, or its word).</source>
        <translation>حدّد حدثًا أولًا (في قائمة الأحداث، أو كلمته).</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>حدث جديد</translation>
    </message>
    <message>
        <source>Type of the event:</source>
        <translation>نوع الحدث:</translation>
    </message>
    <message>
        <source>Select an event first, then link its arguments.</source>
        <translation>حدّد حدثًا أولًا، ثم اربط مُعامِلاته.</translation>
    </message>
    <message>
        <source>%1 has no event yet: Ctrl+J makes one.</source>
        <translation>لا حدث على %1 بعد: Ctrl+J يُنشئ واحدًا.</translation>
    </message>
    <message>
        <source>the event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <source>Click the span that fills a role of %1 (or pick it in the annotations list and press Enter); Esc cancels.</source>
        <translation>انقر المقطع الذي يشغل دورًا في %1 (أو اختره في قائمة التوسيمات واضغط Enter)؛ Esc يلغي.</translation>
    </message>
    <message>
        <source>%1 has no role for a %2 span.</source>
        <translation>لا دور في %1 لمقطع %2.</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Actor 1</source>
        <translation>الفاعل 1</translation>
    </message>
    <message>
        <source>Actor 2</source>
        <translation>الفاعل 2</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>القتلى</translation>
    </message>
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
    <name>HubAssigning</name>
    <message>
        <source>Assign documents</source>
        <translation>إسناد المستندات</translation>
    </message>
    <message>
        <source>Annotators per document:</source>
        <translation>المُوسِّمون لكل مستند:</translation>
    </message>
    <message>
        <source>Assign the documents no one has</source>
        <translation>أسنِد المستندات التي لم تُسنَد إلى أحد</translation>
    </message>
    <message>
        <source>Each document without an annotator goes to the annotators ticked, in turn, in the order the hub received the documents. They see theirs first after their next sync.</source>
        <translation>يذهب كل مستند بلا مُوسِّم إلى المُوسِّمين المحدَّدين بالتناوب، بالترتيب الذي تلقّى به المركز المستندات. يرى كلٌّ منهم مستنداته أولًا بعد مزامنته القادمة.</translation>
    </message>
    <message>
        <source>End their assignments not begun</source>
        <translation>أنهِ إسناداتهم التي لم يبدؤوها</translation>
    </message>
    <message>
        <source>The ticked annotators&apos; documents that they have not begun are theirs no more.</source>
        <translation>المستندات التي لم يبدأها المُوسِّمون المحدَّدون لا تبقى مُسنَدة إليهم.</translation>
    </message>
    <message>
        <source>Tick at least one annotator.</source>
        <translation>حدِّد مُوسِّمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>Tick as many annotators as there are to be per document (%1).</source>
        <translation>حدِّد من المُوسِّمين بقدر ما يلزم لكل مستند (%1).</translation>
    </message>
    <message>
        <source>%1 assignments ended; %2 begun ones kept.</source>
        <translation>انتهى %1 من الإسنادات؛ وأُبقي %2 مما بُدئ فيه.</translation>
    </message>
    <message>
        <source>%1 new assignments: each annotator sees theirs first after their next sync.</source>
        <translation>%1 من الإسنادات الجديدة: يرى كل مُوسِّم ما أُسند إليه أولًا بعد مزامنته القادمة.</translation>
    </message>
    <message>
        <source>Every document has its annotators: nothing to assign.</source>
        <translation>لكل مستند مُوسِّموه: لا شيء لإسناده.</translation>
    </message>
</context>
<context>
    <name>HubDashboard</name>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>المُسنَد</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Untouched</source>
        <translation>لم يُبدأ</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <source>Hub status</source>
        <translation>حالة المركز</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>حدِّث</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>تُقرأ حالة %1…</translation>
    </message>
    <message>
        <source>Read from the hub just now.</source>
        <translation>قُرئت من المركز للتو.</translation>
    </message>
    <message>
        <source>Hub: %1 (%2)</source>
        <translation>المركز: %1 (%2)</translation>
    </message>
    <message>
        <source>Leads: %1</source>
        <translation>المشرفون: %1</translation>
    </message>
    <message>
        <source>Annotators: %1</source>
        <translation>المُوسِّمون: %1</translation>
    </message>
    <message>
        <source>Blind: annotators see only their own layers.</source>
        <translation>توسيم معمًّى: لا يرى كل مُوسِّم إلا طبقته.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم يزامن قط</translation>
    </message>
</context>
<context>
    <name>HubLabel</name>
    <message>
        <source>just now</source>
        <translation>للتو</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>منذ %1 د</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>منذ %1 س</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>منذ يوم</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>منذ %1 يوم</translation>
    </message>
    <message>
        <source>Hub: %1
Login: %2</source>
        <translation>المركز: %1
الحساب: %2</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>تجري المزامنة…</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>لم تُجرَ مزامنة بعد</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>آخر مزامنة %1</translation>
    </message>
    <message>
        <source>not synced: the hub wants a password (File ▸ Sync now)</source>
        <translation>لم تتم المزامنة: يطلب المركز كلمة مرور (ملف ◂ زامِن الآن)</translation>
    </message>
    <message>
        <source>offline: %1</source>
        <translation>دون اتصال: %1</translation>
    </message>
    <message>
        <source>not synced: %1</source>
        <translation>لم تتم المزامنة: %1</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>لا شيء ينتظر الإرسال</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>تغيير واحد ينتظر الإرسال</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 من التغييرات تنتظر الإرسال</translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>A sync is already running.</source>
        <translation>تجري مزامنة الآن.</translation>
    </message>
    <message>
        <source>The hub refused the password. Password of %1 for %2:</source>
        <translation>رفض المركز كلمة المرور. كلمة مرور %1 في %2:</translation>
    </message>
    <message>
        <source>The hub asks for a password. Password of %1 for %2:</source>
        <translation>يطلب المركز كلمة مرور. كلمة مرور %1 في %2:</translation>
    </message>
    <message>
        <source>Hub password</source>
        <translation>كلمة مرور المركز</translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>لم تتم المزامنة: %1</translation>
    </message>
    <message>
        <source>Sync notes</source>
        <translation>ملاحظات المزامنة</translation>
    </message>
    <message>
        <source>The sync has notes:</source>
        <translation>للمزامنة ملاحظات:</translation>
    </message>
</context>
<context>
    <name>LabelTab</name>
    <message>
        <source>The id exports use as the label&apos;s tag; no spaces</source>
        <translation>المعرّف الذي تستعمله التصديرات علامةً للوسم؛ بلا فراغات</translation>
    </message>
    <message>
        <source>Choose the colour spans of this label are drawn in</source>
        <translation>اختر اللون الذي تُرسم به مقاطع هذا الوسم</translation>
    </message>
    <message>
        <source>The key that applies this label to selected text</source>
        <translation>المفتاح الذي يطبّق هذا الوسم على النص المحدد</translation>
    </message>
    <message>
        <source>What to mark, and where its boundaries are</source>
        <translation>ما يُوسَم، وأين حدوده</translation>
    </message>
    <message>
        <source>One example per line</source>
        <translation>مثال واحد في كل سطر</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>ال&amp;معرّف</translation>
    </message>
    <message>
        <source>&amp;English name</source>
        <translation>الاسم بالإن&amp;جليزية</translation>
    </message>
    <message>
        <source>Ara&amp;bic name</source>
        <translation>الاسم بال&amp;عربية</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>ال&amp;صنف</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>الل&amp;ون</translation>
    </message>
    <message>
        <source>Ke&amp;y</source>
        <translation>الم&amp;فتاح</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>ال&amp;وصف</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>الأ&amp;مثلة</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>لون %1</translation>
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
    <name>Pane</name>
    <message>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>%1 — %2 span</source>
        <translation>%1 — مقطع %2</translation>
    </message>
    <message>
        <source>%1 — %2 spans</source>
        <translation>%1 — المقاطع: %2</translation>
    </message>
</context>
<context>
    <name>PlaceCoding</name>
    <message>
        <source>Place %1</source>
        <translation>تحديد موضع %1</translation>
    </message>
    <message>
        <source>Coordinates for %1</source>
        <translation>إحداثيات %1</translation>
    </message>
    <message>
        <source>No coordinates for %1</source>
        <translation>حذف إحداثيات %1</translation>
    </message>
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
    <name>ReviewListModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 تام</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 تداخل</translation>
    </message>
    <message>
        <source>%1 — annotated by %2</source>
        <translation>%1 — وسّمه %2</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Fewer than two annotators: review mode shows the layers, with nothing to compare yet.</source>
        <translation>أقل من مُوسِّمَين: وضع المراجعة يعرض الطبقات، ولا شيء للمقارنة بعد.</translation>
    </message>
    <message>
        <source>Accept all agreed</source>
        <translation>اقبل كل المتفق عليه</translation>
    </message>
    <message>
        <source>Accept every span on which at least this many annotators agree
(of %1: %2), in every document:</source>
        <translation>اقبل كل مقطع يتفق عليه هذا العدد من المُوسِّمين على الأقل
(من %1: %2)، في كل المستندات:</translation>
    </message>
    <message>
        <source>%1 agreed spans, %2 agreed events and %3 links added to gold in %4 documents</source>
        <translation>أُضيف إلى المرجع %1 من المقاطع المتفق عليها و%2 من الأحداث المتفق عليها و%3 من الروابط في %4 من المستندات</translation>
    </message>
    <message>
        <source>; %1 of them have attributes the annotators set differently, left empty for you to settle</source>
        <translation>؛ منها %1 بسمات رمّزها المُوسِّمون مختلفةً، تُركت فارغة لتحسمها</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Annotators ▾</source>
        <translation>المُوسِّمون ▾</translation>
    </message>
    <message>
        <source>Accept all agreed</source>
        <translation>اقبل كل المتفق عليه</translation>
    </message>
    <message>
        <source>Every span all annotators of this document marked the same way goes to gold</source>
        <translation>كل مقطع وسّمه جميع مُوسِّمي هذا المستند بالطريقة نفسها يذهب إلى المرجع</translation>
    </message>
    <message>
        <source>Disagreement %1 of %2</source>
        <translation>الاختلاف %1 من %2</translation>
    </message>
    <message>
        <source>%1 has no version of this; nothing to accept</source>
        <translation>ليس لدى %1 نسخة من هذا؛ لا شيء للقبول</translation>
    </message>
    <message>
        <source>A accepts %1&apos;s %2 «%3» into gold</source>
        <translation>A يقبل %2 «%3» من طبقة %1 في المرجع</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Kinds of span (empty: any)</source>
        <translation>أصناف المقطع (فارغ: أي صنف)</translation>
    </message>
    <message>
        <source>Several</source>
        <translation>أكثر من واحد</translation>
    </message>
    <message>
        <source>Rename role</source>
        <translation>أعد تسمية الدور</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>احذف الدور</translation>
    </message>
    <message>
        <source>Remove the role (Delete)</source>
        <translation>أزل الدور (Delete)</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>دور جديد</translation>
    </message>
    <message>
        <source>name, e.g. target</source>
        <translation>الاسم، مثلًا target</translation>
    </message>
    <message>
        <source>several</source>
        <translation>أكثر من واحد</translation>
    </message>
    <message>
        <source>Add &amp;role</source>
        <translation>أضف &amp;دورًا</translation>
    </message>
    <message>
        <source>filled by</source>
        <translation>يشغله</translation>
    </message>
    <message>
        <source>Remove the role %1 and those links?</source>
        <translation>أتزيل الدور %1 وتلك الروابط؟</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Schema — %1</source>
        <translation>المخطط — %1</translation>
    </message>
    <message>
        <source>&amp;Guideline version:</source>
        <translation>إصدار الإ&amp;رشادات:</translation>
    </message>
    <message>
        <source>&amp;New label</source>
        <translation>وسم &amp;جديد</translation>
    </message>
    <message>
        <source>Add a label (Ctrl+N)</source>
        <translation>أضف وسمًا (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation>أعد الت&amp;سمية</translation>
    </message>
    <message>
        <source>Give the label another id (F2)</source>
        <translation>أعطِ الوسم معرّفًا آخر (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete label</source>
        <translation>ا&amp;حذف الوسم</translation>
    </message>
    <message>
        <source>Delete the label and its spans (Delete)</source>
        <translation>احذف الوسم ومقاطعه (Delete)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الأوسام</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>ال&amp;وسم</translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation>ال&amp;سمات</translation>
    </message>
    <message>
        <source>R&amp;oles</source>
        <translation>الأ&amp;دوار</translation>
    </message>
    <message>
        <source>%1: %2 label</source>
        <translation>%1: وسم %2</translation>
    </message>
    <message>
        <source>Only event labels have roles</source>
        <translation>لأوسام الأحداث وحدها أدوار</translation>
    </message>
    <message>
        <source>Annotations use it</source>
        <translation>التوسيمات تستعمله</translation>
    </message>
    <message>
        <source>Delete the label %1 (%2)?

%3 in every annotator&apos;s layer will be deleted with it. This cannot be undone.</source>
        <translation>أتحذف الوسم %1 (%2)؟

سيُحذف معه %3 في طبقة كل مُوسِّم. لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <source>Delete a label in use</source>
        <translation>حذف وسم مستعمل</translation>
    </message>
    <message>
        <source>%1 was not deleted.</source>
        <translation>لم يُحذف %1.</translation>
    </message>
</context>
<context>
    <name>SchemaMessages</name>
    <message>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Guideline version is now %1.</source>
        <translation>إصدار الإرشادات الآن %1.</translation>
    </message>
    <message>
        <source>Added label %1.</source>
        <translation>أُضيف الوسم %1.</translation>
    </message>
    <message>
        <source>Renamed label %1 to %2; %3 follow.</source>
        <translation>أُعيدت تسمية الوسم %1 إلى %2؛ وتبعه %3.</translation>
    </message>
    <message>
        <source>Changed %1: %2.</source>
        <translation>تغيّر في %1: %2.</translation>
    </message>
    <message>
        <source>Deleted label %1 with %2.</source>
        <translation>حُذف الوسم %1 ومعه %2.</translation>
    </message>
    <message>
        <source>Added attribute %1 to %2.</source>
        <translation>أُضيفت السمة %1 إلى %2.</translation>
    </message>
    <message>
        <source>Added attribute %1 to %2. It is required: %3 need a value.</source>
        <translation>أُضيفت السمة %1 إلى %2. وهي مطلوبة: %3 بحاجة إلى قيمة.</translation>
    </message>
    <message>
        <source>Renamed %1&apos;s attribute %2 to %3; %4 follow.</source>
        <translation>أُعيدت تسمية السمة %2 في %1 إلى %3؛ وتبعها %4.</translation>
    </message>
    <message>
        <source>Changed %1&apos;s attribute %2.</source>
        <translation>تغيّرت السمة %2 في %1.</translation>
    </message>
    <message>
        <source>Removed %1&apos;s attribute %2.</source>
        <translation>أُزيلت السمة %2 من %1.</translation>
    </message>
    <message>
        <source>Removed %1&apos;s attribute %2 and its value from %3.</source>
        <translation>أُزيلت السمة %2 من %1 وقيمتها من %3.</translation>
    </message>
    <message>
        <source>Added %1 to %2&apos;s %3 under %4.</source>
        <translation>أُضيفت %1 إلى %3 في %2 تحت %4.</translation>
    </message>
    <message>
        <source>Added %1 to %2&apos;s %3.</source>
        <translation>أُضيفت %1 إلى %3 في %2.</translation>
    </message>
    <message>
        <source>Removed %1 from %2&apos;s %3.</source>
        <translation>أُزيلت %1 من %3 في %2.</translation>
    </message>
    <message>
        <source>Removed %1 from %2&apos;s %3; cleared %4 on %5.</source>
        <translation>أُزيلت %1 من %3 في %2؛ ومُحيت %4 من %5.</translation>
    </message>
    <message>
        <source>Added role %1 to %2.</source>
        <translation>أُضيف الدور %1 إلى %2.</translation>
    </message>
    <message>
        <source>Changed %1&apos;s role %2.</source>
        <translation>تغيّر الدور %2 في %1.</translation>
    </message>
    <message>
        <source>Renamed %1&apos;s role %2 to %3; %4 follow.</source>
        <translation>أُعيدت تسمية الدور %2 في %1 إلى %3؛ وتبعه %4.</translation>
    </message>
    <message>
        <source>Removed %1&apos;s role %2.</source>
        <translation>أُزيل الدور %2 من %1.</translation>
    </message>
    <message>
        <source>Removed %1&apos;s role %2 and %3.</source>
        <translation>أُزيل الدور %2 من %1 ومعه %3.</translation>
    </message>
    <message>
        <source>there is already a label %1</source>
        <translation>يوجد وسم %1 من قبل</translation>
    </message>
    <message>
        <source>a %1 cannot be empty or contain spaces; got %2</source>
        <translation>لا يكون %1 فارغًا ولا يحوي فراغات؛ والمُدخل %2</translation>
    </message>
    <message>
        <source>a label&apos;s key is one character (pressed over the text); got %1</source>
        <translation>مفتاح الوسم حرف واحد (يُضغط فوق النص)؛ والمُدخل %1</translation>
    </message>
    <message>
        <source>key %1 is already the key of %2 (%3)</source>
        <translation>المفتاح %1 هو مفتاح %2 (%3) من قبل</translation>
    </message>
    <message>
        <source>the guideline version cannot be empty</source>
        <translation>لا يكون إصدار الإرشادات فارغًا</translation>
    </message>
    <message>
        <source>%1 needs a key: each of the first nine labels has one</source>
        <translation>يحتاج %1 إلى مفتاح: لكل من الأوسام التسعة الأولى مفتاح</translation>
    </message>
    <message>
        <source>%1 is the only label; a schema needs at least one</source>
        <translation>%1 هو الوسم الوحيد؛ يحتاج المخطط إلى وسم واحد على الأقل</translation>
    </message>
    <message>
        <source>cannot make %1 a %2 label: %3 would break (%4); unlink them first</source>
        <translation>لا يمكن جعل %1 وسم %2: سينكسر %3 (%4)؛ افصلها أولًا</translation>
    </message>
    <message>
        <source>%1 already has an attribute %2</source>
        <translation>لدى %1 سمة %2 من قبل</translation>
    </message>
    <message>
        <source>a value cannot be empty</source>
        <translation>لا تكون القيمة فارغة</translation>
    </message>
    <message>
        <source>%1 is already a value of %2</source>
        <translation>%1 قيمة لـ %2 من قبل</translation>
    </message>
    <message>
        <source>%1 is already a value of %2 under %3</source>
        <translation>%1 قيمة لـ %2 تحت %3 من قبل</translation>
    </message>
    <message>
        <source>%1 is the only value of %2; remove the attribute</source>
        <translation>%1 هي القيمة الوحيدة لـ %2؛ أزل السمة</translation>
    </message>
    <message>
        <source>%1 depends on %2; remove %3 first</source>
        <translation>%1 تتبع %2؛ أزل %3 أولًا</translation>
    </message>
    <message>
        <source>%1 already has a role %2</source>
        <translation>لدى %1 دور %2 من قبل</translation>
    </message>
    <message>
        <source>only event labels have roles; %1 is an %2 label</source>
        <translation>لأوسام الأحداث وحدها أدوار؛ و%1 وسم %2</translation>
    </message>
    <message>
        <source>%1 span</source>
        <translation>مقطع واحد (%1)</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>المقاطع: %1</translation>
    </message>
    <message>
        <source>%1 event</source>
        <translation>حدث واحد (%1)</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>الأحداث: %1</translation>
    </message>
    <message>
        <source>%1 role link</source>
        <translation>رابط دور واحد (%1)</translation>
    </message>
    <message>
        <source>%1 role links</source>
        <translation>روابط الأدوار: %1</translation>
    </message>
    <message>
        <source>%1 link</source>
        <translation>رابط واحد (%1)</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>الروابط: %1</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>قيمة واحدة (%1)</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>القيم: %1</translation>
    </message>
    <message>
        <source>names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>الأمثلة</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source> and </source>
        <translation> و</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Not changed: %1.</source>
        <translation>لم يتغير: %1.</translation>
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
    <name>Suggesting</name>
    <message>
        <source>Learning from «%1»…</source>
        <translation>التعلّم من «%1»…</translation>
    </message>
    <message>
        <source>Learned from «%1» (%2 spans).</source>
        <translation>تمّ التعلّم من «%1» (%2 مقطعًا).</translation>
    </message>
    <message>
        <source>%1 suggestions in this document.</source>
        <translation>%1 اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <source>This layer is shown read-only: its suggestions cannot be judged.</source>
        <translation>هذه الطبقة معروضة للقراءة فقط: لا يمكن الحكم على اقتراحاتها.</translation>
    </message>
    <message>
        <source>Choose a suggestion first (F4).</source>
        <translation>اختر اقتراحًا أولًا (F4).</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggest from a layer…</source>
        <translation>اقترح من طبقة…</translation>
    </message>
    <message>
        <source>Suggestions are outlined in the text. F4 and Shift+F4 choose one; Enter accepts it, a label key accepts it with that label, Backspace rejects it, Shift+Enter accepts every suggestion of its label in the document.</source>
        <translation>تظهر الاقتراحات في النص بإطار حولها. F4 وShift+F4 تختاران اقتراحًا؛ Enter يقبله، ومفتاح وسم يقبله بذلك الوسم، وBackspace يرفضه، وShift+Enter يقبل كل اقتراحات وسمه في المستند.</translation>
    </message>
    <message>
        <source>Recommender</source>
        <translation>المُقترِح</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>dictionary</source>
        <translation>القاموس</translation>
    </message>
</context>
<context>
    <name>TeamHub</name>
    <message>
        <source>&amp;Clone from a hub…</source>
        <translation>اس&amp;تنسخ من مركز الفريق…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;زامِن الآن</translation>
    </message>
    <message>
        <source>&amp;Hub status…</source>
        <translation>حالة ال&amp;مركز…</translation>
    </message>
    <message>
        <source>Cloned %1 as %2: %3 documents, %4 layers.</source>
        <translation>استُنسخ %1 باسم %2: %3 من المستندات و%4 من الطبقات.</translation>
    </message>
</context>
<context>
    <name>UncertaintyListModel</name>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>عدم اليقين</translation>
    </message>
</context>
<context>
    <name>UncertaintyOrder</name>
    <message>
        <source>Most uncertain first needs the learned model: suggest from a layer with it first (Suggestions menu).</source>
        <translation>ترتيب «الأقل يقينًا أولًا» يحتاج النموذج المتعلَّم: اقترح من طبقة به أولًا (قائمة الاقتراحات).</translation>
    </message>
    <message>
        <source>Measuring how unsure the learned model is: %1 of %2 documents…</source>
        <translation>يُقاس مدى عدم يقين النموذج المتعلَّم: %1 من %2 مستند…</translation>
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
    <name>backups</name>
    <message>
        <source>automatic</source>
        <translation>تلقائية</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>قبل استعادة</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>قبل ترقية</translation>
    </message>
    <message>
        <source>what the window still held</source>
        <translation>ما بقي في النافذة</translation>
    </message>
    <message>
        <source>%1 documents, %2 spans</source>
        <translation>المستندات: %1، المقاطع: %2</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>تالفة</translation>
    </message>
</context>
<context>
    <name>browsing</name>
    <message>
        <source>This is the last document.</source>
        <translation>هذا آخر مستند.</translation>
    </message>
    <message>
        <source>This is the first document.</source>
        <translation>هذا أول مستند.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… و%1 غيرها</translation>
    </message>
    <message>
        <source>Required attributes missing</source>
        <translation>سمات مطلوبة ناقصة</translation>
    </message>
    <message>
        <source>Some spans are not fully coded:
%1

Mark the document done anyway?</source>
        <translation>بعض المقاطع لم تُرمَّز كاملًا:
%1

أتعلّم المستند منجزًا مع ذلك؟</translation>
    </message>
</context>
<context>
    <name>coding</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 في %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>رمّز</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Mark %1</source>
        <translation>وسّم %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>احذف %1</translation>
    </message>
    <message>
        <source>Relabel %1 as %2</source>
        <translation>غيّر وسم %1 إلى %2</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>رمّز %1</translation>
    </message>
    <message>
        <source>Resize %1 to %2</source>
        <translation>غيّر حدود %1 إلى %2</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>علّمه منجزًا</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>علّمه قيد العمل</translation>
    </message>
    <message>
        <source>Accept into gold</source>
        <translation>اقبل في المرجع</translation>
    </message>
    <message>
        <source>Accept %1 into gold</source>
        <translation>اقبل %1 في المرجع</translation>
    </message>
</context>
<context>
    <name>event_commands</name>
    <message>
        <source>%1 (no word)</source>
        <translation>%1 (بلا كلمة)</translation>
    </message>
    <message>
        <source>%1 with no word</source>
        <translation>%1 بلا كلمة</translation>
    </message>
    <message>
        <source>New event %1</source>
        <translation>حدث جديد %1</translation>
    </message>
    <message>
        <source>Link %1 %2 to</source>
        <translation>اربط %1 %2 بـ</translation>
    </message>
    <message>
        <source>Unlink %1 from</source>
        <translation>فكّ ربط %1 من</translation>
    </message>
    <message>
        <source>Delete event %1</source>
        <translation>احذف الحدث %1</translation>
    </message>
    <message>
        <source>Accept event into gold</source>
        <translation>اقبل الحدث في المرجع</translation>
    </message>
    <message>
        <source>Accept %1&apos;s %2 event into gold</source>
        <translation>اقبل حدث %2 من طبقة %1 في المرجع</translation>
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
    <name>language</name>
    <message>
        <source>Sample project</source>
        <translation>المشروع التجريبي</translation>
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
    <name>paragraphs</name>
    <message>
        <source>event: %1</source>
        <translation>حدث: %1</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Annotate as:</source>
        <translation>وسّم باسم:</translation>
    </message>
    <message>
        <source>Show a layer</source>
        <translation>اعرض طبقة</translation>
    </message>
    <message>
        <source>Show the layer of:</source>
        <translation>اعرض طبقة:</translation>
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
    <name>project_actions</name>
    <message>
        <source>Project open on another computer</source>
        <translation>المشروع مفتوح على حاسوب آخر</translation>
    </message>
    <message>
        <source>%1 is open in a window on another computer: %2.

Take the project over? Only do this if that window is closed or its computer has crashed: two computers writing one project through a network folder can damage it.</source>
        <translation>%1 مفتوح في نافذة على حاسوب آخر: %2.

أتتولّى المشروع؟ لا تفعل إلا إن كانت تلك النافذة مغلقة أو تعطّل حاسوبها: حاسوبان يكتبان مشروعًا واحدًا عبر مجلد شبكي قد يُتلفانه.</translation>
    </message>
    <message>
        <source>This project is in a network folder (%1): use it from one computer at a time, and keep a copy on a local disk when you can.</source>
        <translation>هذا المشروع في مجلد شبكي (%1): استعمله من حاسوب واحد في كل مرة، واحتفظ بنسخة على قرص محلي متى استطعت.</translation>
    </message>
    <message>
        <source>New project folder</source>
        <translation>مجلد المشروع الجديد</translation>
    </message>
    <message>
        <source>From a schema file…</source>
        <translation>من ملف مخطط…</translation>
    </message>
    <message>
        <source>Label schema</source>
        <translation>مخطط الأوسام</translation>
    </message>
    <message>
        <source>Labels for this project:</source>
        <translation>أوسام هذا المشروع:</translation>
    </message>
    <message>
        <source>Schema file</source>
        <translation>ملف المخطط</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>افتح مجلد مشروع</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>نُسخ احتياطيًا: %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>استعد نسخة احتياطية</translation>
    </message>
    <message>
        <source>This project has no backups yet.</source>
        <translation>لا نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>Put this backup in place of the project:</source>
        <translation>ضع هذه النسخة الاحتياطية مكان المشروع:</translation>
    </message>
    <message>
        <source>Restored the backup (%1); the project as it was just before is kept as a backup too (%2).</source>
        <translation>استُعيدت النسخة الاحتياطية (%1)؛ وحُفظ المشروع كما كان قبلها في نسخة احتياطية أيضًا (%2).</translation>
    </message>
    <message>
        <source>The project can no longer be saved to</source>
        <translation>لم يعد ممكنًا الحفظ في المشروع</translation>
    </message>
    <message>
        <source>1 edit of yours could not be saved.</source>
        <translation>تعذّر حفظ تعديل واحد من تعديلاتك.</translation>
    </message>
    <message>
        <source>%1 edits of yours could not be saved.</source>
        <translation>تعذّر حفظ تعديلات لك عددها %1.</translation>
    </message>
    <message>
        <source>Save them to a new project…</source>
        <translation>احفظها في مشروع جديد…</translation>
    </message>
    <message>
        <source>Close the project</source>
        <translation>أغلق المشروع</translation>
    </message>
    <message>
        <source>New project for the unsaved edits</source>
        <translation>مشروع جديد للتعديلات غير المحفوظة</translation>
    </message>
    <message>
        <source>Unsaved edits saved</source>
        <translation>حُفظت التعديلات غير المحفوظة</translation>
    </message>
    <message>
        <source>%1: %2.

Once the project is whole again, bring them into it with File ▸ Merge a colleague&apos;s work (or: annotator merge PROJECT %1).</source>
        <translation>%1: %2.

حين يعود المشروع سليمًا، أدخلها فيه من ملف ◂ ادمج عمل زميل (أو: annotator merge PROJECT %1).</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>1 new document</source>
        <translation>مستند جديد واحد</translation>
    </message>
    <message>
        <source>%1 new documents</source>
        <translation>%1 من المستندات الجديدة</translation>
    </message>
    <message>
        <source>%1 already in the project</source>
        <translation>%1 في المشروع من قبل</translation>
    </message>
    <message>
        <source>1 span added</source>
        <translation>أُضيف مقطع واحد</translation>
    </message>
    <message>
        <source>%1 spans added</source>
        <translation>أُضيف %1 من المقاطع</translation>
    </message>
    <message>
        <source>%1 already there</source>
        <translation>%1 موجودة من قبل</translation>
    </message>
    <message>
        <source>1 event added</source>
        <translation>أُضيف حدث واحد</translation>
    </message>
    <message>
        <source>%1 events added</source>
        <translation>أُضيف %1 من الأحداث</translation>
    </message>
    <message>
        <source>1 link added</source>
        <translation>أُضيف رابط واحد</translation>
    </message>
    <message>
        <source>%1 links added</source>
        <translation>أُضيف %1 من الروابط</translation>
    </message>
    <message>
        <source>1 discussion added</source>
        <translation>أُضيف نقاش واحد</translation>
    </message>
    <message>
        <source>%1 discussions added</source>
        <translation>أُضيف %1 من النقاشات</translation>
    </message>
    <message>
        <source>labels added to the schema: %1</source>
        <translation>وسوم أُضيفت إلى المخطط: %1</translation>
    </message>
    <message>
        <source>Merged %1: %2 matched, %3 added.</source>
        <translation>دُمج %1: طوبق %2، وأُضيف %3.</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>مستند واحد</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 من المستندات</translation>
    </message>
    <message>
        <source>%1: %2 updated (%3 already as in the source); spans: %4 added, %5 changed, %6 removed; links: %7 added, %8 removed; events: %9 added, changed or removed</source>
        <translation>%1: حُدّث %2 (%3 كما في المصدر من قبل)؛ المقاطع: أُضيف %4، وغُيّر %5، وأُزيل %6؛ الروابط: أُضيف %7، وأُزيل %8؛ الأحداث: %9 أُضيفت أو غُيّرت أو أُزيلت</translation>
    </message>
    <message>
        <source>discussions: %1 threads and %2 comments added</source>
        <translation>النقاشات: أُضيف %1 من السلاسل و%2 من التعليقات</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>طبقة واحدة</translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation>%1 من الطبقات</translation>
    </message>
    <message>
        <source>the schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>comments on 1 document</source>
        <translation>تعليقات على مستند واحد</translation>
    </message>
    <message>
        <source>comments on %1 documents</source>
        <translation>تعليقات على %1 من المستندات</translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation>تعليق واحد</translation>
    </message>
    <message>
        <source>%1 comments</source>
        <translation>%1 من التعليقات</translation>
    </message>
    <message>
        <source>1 assignment</source>
        <translation>إسناد واحد</translation>
    </message>
    <message>
        <source>%1 assignments</source>
        <translation>%1 من الإسنادات</translation>
    </message>
    <message>
        <source>Synced: sent %1; received %2.</source>
        <translation>تمت المزامنة: أُرسل %1؛ ووصل %2.</translation>
    </message>
    <message>
        <source>the %1 layer of «%2» was written by %3 at %4 since you last synced; yours replaced it (theirs is kept in the hub&apos;s history)</source>
        <translation>كتب %3 طبقة %1 في «%2» عند %4 بعد آخر مزامنة لك؛ فحلّت طبقتك محلّها (وطبقته محفوظة في سجلّ المركز)</translation>
    </message>
    <message>
        <source>the %1 layer of «%2» was changed here and on the hub (by %3); yours is kept and sent at the next sync</source>
        <translation>غُيّرت طبقة %1 في «%2» هنا وفي المركز (غيّرها %3)؛ أُبقيت طبقتك وستُرسَل في المزامنة القادمة</translation>
    </message>
    <message>
        <source>the %1 layer of «%2» on the hub (written by %3): %4</source>
        <translation>طبقة %1 في «%2» على المركز (كتبها %3): %4</translation>
    </message>
    <message>
        <source>%1&apos;s comments on «%2» on the hub: %3</source>
        <translation>تعليقات %1 على «%2» في المركز: %3</translation>
    </message>
    <message>
        <source>document «%1» on the hub: its text does not match its hash</source>
        <translation>المستند «%1» على المركز: نصّه لا يطابق بصمته</translation>
    </message>
    <message>
        <source>document «%1» on the hub: its metadata: %2</source>
        <translation>المستند «%1» على المركز: بياناته الوصفية: %2</translation>
    </message>
    <message>
        <source>the hub&apos;s schema: %1</source>
        <translation>مخطط المركز: %1</translation>
    </message>
    <message>
        <source>%1 documents added here stay here: only a lead adds documents to the hub</source>
        <translation>%1 من المستندات أُضيفت هنا وتبقى هنا: لا يضيف المستندات إلى المركز إلا مشرف</translation>
    </message>
    <message>
        <source>the schema was changed here; only a lead changes the hub&apos;s schema, so the hub&apos;s replaces it</source>
        <translation>غُيّر المخطط هنا؛ ولا يغيّر مخطط المركز إلا مشرف، فيحلّ مخطط المركز محلّه</translation>
    </message>
    <message>
        <source>your layer of «%1» stays here: the hub does not have that document</source>
        <translation>طبقتك في «%1» تبقى هنا: ليس في المركز هذا المستند</translation>
    </message>
    <message>
        <source>changes here to the layers of %1 are not yours to send: they stay in this copy only, until the hub&apos;s version of those layers changes</source>
        <translation>التغييرات هنا في طبقات %1 ليست لك لترسلها: تبقى في هذه النسخة وحدها، حتى تتغيّر نسخة المركز من تلك الطبقات</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>an event with no trigger word (%1)</source>
        <translation>حدث بلا كلمة دالّة (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>an event with no trigger word</source>
        <translation>حدث بلا كلمة دالّة</translation>
    </message>
    <message>
        <source>(line %1)</source>
        <translation>(السطر %1)</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>%1 codes %2; %3 has no such event</source>
        <translation>%1 يرمّز %2؛ وليس لدى %3 حدث كهذا</translation>
    </message>
    <message>
        <source>%1: %2 %3, %4 %5</source>
        <translation>%1: عند %2 %3، وعند %4 %5</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Fewer than two annotators have annotated this document: nothing to compare.</source>
        <translation>وسّم هذا المستند أقلُّ من مُوسِّمَين: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>%1 disagreement between %2 — F8 next, Shift+F8 previous, 1–9 accept that annotator&apos;s version, A accept the clicked span</source>
        <translation>اختلاف واحد (%1) بين %2 — F8 التالي، Shift+F8 السابق، 1–9 اقبل نسخة ذلك المُوسِّم، A اقبل المقطع المنقور</translation>
    </message>
    <message>
        <source>%1 disagreements between %2 — F8 next, Shift+F8 previous, 1–9 accept that annotator&apos;s version, A accept the clicked span</source>
        <translation>الاختلافات: %1 بين %2 — F8 التالي، Shift+F8 السابق، 1–9 اقبل نسخة ذلك المُوسِّم، A اقبل المقطع المنقور</translation>
    </message>
</context>
<context>
    <name>saving</name>
    <message>
        <source>%1: not saved, the project can no longer be saved to</source>
        <translation>%1: لم يُحفظ، لم يعد ممكنًا الحفظ في المشروع</translation>
    </message>
    <message>
        <source>Updated with changes made elsewhere.</source>
        <translation>حُدّث بتغييرات أُجريت في مكان آخر.</translation>
    </message>
</context>
<context>
    <name>schema</name>
    <message>
        <source>Type the new name in the table (F2)</source>
        <translation>اكتب الاسم الجديد في الجدول (F2)</translation>
    </message>
    <message>
        <source>%1 values, listed under each %2</source>
        <translation>القيم: %1، مسرودة تحت كل %2</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>سنة-شهر-يوم، أو سنة-شهر، أو سنة</translation>
    </message>
    <message>
        <source>yes / no</source>
        <translation>نعم / لا</translation>
    </message>
</context>
<context>
    <name>suggest_commands</name>
    <message>
        <source>Accept suggestion %1</source>
        <translation>اقبل الاقتراح %1</translation>
    </message>
    <message>
        <source>Accept %1 suggestions of %2</source>
        <translation>اقبل %1 اقتراحات من %2</translation>
    </message>
    <message>
        <source>Reject suggestion %1</source>
        <translation>ارفض الاقتراح %1</translation>
    </message>
</context>
<context>
    <name>suggest_dialog</name>
    <message>
        <source>Suggest from a layer</source>
        <translation>اقترح من طبقة</translation>
    </message>
    <message>
        <source>all layers</source>
        <translation>كل الطبقات</translation>
    </message>
    <message>
        <source>all of them together</source>
        <translation>كلها معًا</translation>
    </message>
    <message>
        <source>dictionary of the layer&apos;s names</source>
        <translation>قاموس أسماء الطبقة</translation>
    </message>
    <message>
        <source>learned model (CRF)</source>
        <translation>النموذج المتعلَّم (CRF)</translation>
    </message>
    <message>
        <source>Learn from:</source>
        <translation>تعلّم من:</translation>
    </message>
    <message>
        <source>Recommender:</source>
        <translation>المُقترِح:</translation>
    </message>
</context>
<context>
    <name>suggest_menu</name>
    <message>
        <source>Su&amp;ggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Suggest from a layer…</source>
        <translation>ا&amp;قترح من طبقة…</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Accept the chosen suggestion</source>
        <translation>ا&amp;قبل الاقتراح المختار</translation>
    </message>
    <message>
        <source>&amp;Reject the chosen suggestion</source>
        <translation>ا&amp;رفض الاقتراح المختار</translation>
    </message>
    <message>
        <source>Accept all suggestions of its &amp;label</source>
        <translation>اقبل كل اقتراحات &amp;وسمه</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>The task did not run.</source>
        <translation>لم تُنفَّذ المهمة.</translation>
    </message>
    <message>
        <source>Unexpected error (%1).</source>
        <translation>خطأ غير متوقع (%1).</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1 حتى الآن</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>يُلغى…</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>لم تنتهِ المهمة.</translation>
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
    <name>transfer</name>
    <message>
        <source>our JSONL: a document per line</source>
        <translation>JSONL الخاص بنا: مستند في كل سطر</translation>
    </message>
    <message>
        <source>our JSON export, the whole project in one file</source>
        <translation>تصدير JSON الخاص بنا: المشروع كله في ملف واحد</translation>
    </message>
    <message>
        <source>a token per line with BIO tags (CoNLL-2003)</source>
        <translation>كلمة في كل سطر بوسوم BIO ‏(CoNLL-2003)</translation>
    </message>
    <message>
        <source>CoNLL-U for UD pipelines, entities in MISC</source>
        <translation>CoNLL-U لأدوات UD، والكيانات في عمود MISC</translation>
    </message>
    <message>
        <source>spaCy JSONL, or DocBin when spaCy is installed</source>
        <translation>spaCy JSONL، أو DocBin إن كانت spaCy مثبّتة</translation>
    </message>
    <message>
        <source>Hugging Face token classification: a folder</source>
        <translation>تصنيف الكلمات لـ Hugging Face: مجلد</translation>
    </message>
    <message>
        <source>brat standoff: a folder of .txt and .ann pairs</source>
        <translation>brat: مجلد من أزواج ‎.txt و‎.ann</translation>
    </message>
    <message>
        <source>doccano JSONL: entities and relations</source>
        <translation>doccano JSONL: الكيانات والعلاقات</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks: spans, relations</source>
        <translation>مهام Label Studio بصيغة JSON: المقاطع والعلاقات</translation>
    </message>
    <message>
        <source>WebAnno TSV 3 (INCEpTION): a folder</source>
        <translation>WebAnno TSV 3 ‏(INCEpTION): مجلد</translation>
    </message>
    <message>
        <source>UIMA CAS XMI (INCEpTION) with TypeSystem.xml</source>
        <translation>UIMA CAS XMI ‏(INCEpTION) مع TypeSystem.xml</translation>
    </message>
    <message>
        <source>a row per event: type, actors, place, date, fatalities (Excel, R, pandas)</source>
        <translation>صف لكل حدث: النوع والفاعلون والمكان والتاريخ والقتلى (Excel وR وpandas)</translation>
    </message>
    <message>
        <source>events as points on a map (GeoJSON)</source>
        <translation>الأحداث نقاطًا على خريطة (GeoJSON)</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استورد مقالات</translation>
    </message>
    <message>
        <source>Articles (%1);;All files (*)</source>
        <translation>المقالات (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استورد مجلدًا</translation>
    </message>
    <message>
        <source>Labels from elsewhere</source>
        <translation>أوسام من مصدر آخر</translation>
    </message>
    <message>
        <source>These labels are not in the project&apos;s schema:</source>
        <translation>هذه الأوسام ليست في مخطط المشروع:</translation>
    </message>
    <message>
        <source>add it to the schema as a new label</source>
        <translation>أضفه إلى المخطط وسمًا جديدًا</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <source>Read the files as:</source>
        <translation>اقرأ الملفات بصيغة:</translation>
    </message>
    <message>
        <source>Reading the files&apos; labels…</source>
        <translation>تُقرأ أوسام الملفات…</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>استُورد: %1.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>every layer</source>
        <translation>كل الطبقات</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>only documents marked done (in that layer)</source>
        <translation>المستندات المعلَّمة منجزة فقط (في تلك الطبقة)</translation>
    </message>
    <message>
        <source>Export into an empty folder</source>
        <translation>صدّر إلى مجلد فارغ</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>صدّر إلى</translation>
    </message>
    <message>
        <source>Wrote %1 documents and %2 spans to %3.</source>
        <translation>كُتبت المستندات (%1) والمقاطع (%2) إلى %3.</translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s project or export</source>
        <translation>ادمج مشروع زميل أو ملفًا صدّره</translation>
    </message>
    <message>
        <source>Projects and exports (*.sqlite *.json *.jsonl)</source>
        <translation>المشاريع والملفات المصدَّرة (*.sqlite *.json *.jsonl)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <source>not merged: %1</source>
        <translation>لم يُدمج: %1</translation>
    </message>
</context>
<context>
    <name>troubles</name>
    <message>
        <source>The project cannot be opened.</source>
        <translation>تعذّر فتح المشروع.</translation>
    </message>
    <message>
        <source>Another window or program has the project open.</source>
        <translation>المشروع مفتوح في نافذة أو برنامج آخر.</translation>
    </message>
    <message>
        <source>The project is damaged; restore a backup of it.</source>
        <translation>المشروع تالف؛ استعد نسخة احتياطية منه.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>تعذّرت قراءة الملف.</translation>
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
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
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
