<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>app</name>
    <message>
        <source>Welcome to annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, as it will appear on your annotations:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>language_menu</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change takes effect the next time annotator opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Digits in counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Western (0123456789)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge a colleague&apos;s work…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;all articles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link event to an argument…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another &amp;event on this word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event with &amp;no word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected e&amp;vent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code the selected span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap selections to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the &amp;schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;done and open next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review mode: layers side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all agreed in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all agreed in every document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement &amp;dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;invisible characters (bidi marks, joiners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch annotator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a colleague&apos;s &amp;layer (read-only)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>toolbar</name>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap to words</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
