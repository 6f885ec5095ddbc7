<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="31" />
        <source>&amp;Welcome</source>
        <translation>&amp;Croeso</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="31" />
        <source>&amp;Rich Picture</source>
        <translation>&amp;Darlun Cyfoethog</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="32" />
        <source>Causal-Loop &amp;Overlay</source>
        <translation>&amp;Troshaen Dolenni Achosol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="32" />
        <source>&amp;Side by Side</source>
        <translation>&amp;Ochr yn Ochr</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="33" />
        <source>&amp;Conceptual Model</source>
        <translation>&amp;Model Cysyniadol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="33" />
        <source>CATWOE &amp;Matrix</source>
        <translation>&amp;Matrics CATWOE</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="34" />
        <source>Comparison (stage &amp;5)</source>
        <translation>Cymharu (cam &amp;5)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="34" />
        <source>&amp;Actions (stages 6–7)</source>
        <translation>Camau &amp;Gweithredu (camau 6–7)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>S&amp;POTlight Review</source>
        <translation>Adolygiad S&amp;POTlight</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>Client &amp;Journeys</source>
        <translation>&amp;Teithiau Cleientiaid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Select</source>
        <translation>Dewis</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Link</source>
        <translation>Cysylltu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Pen</source>
        <translation>Ysgrifbin</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="37" />
        <source>Bubble</source>
        <translation>Swigen</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="37" />
        <source>Box</source>
        <translation>Blwch</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="37" />
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="40" />
        <source>Align Left</source>
        <translation>Alinio i'r Chwith</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="40" />
        <source>Align Centre</source>
        <translation>Alinio i'r Canol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="41" />
        <source>Align Right</source>
        <translation>Alinio i'r Dde</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="41" />
        <source>Align Top</source>
        <translation>Alinio i'r Brig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="42" />
        <source>Align Middle</source>
        <translation>Alinio i'r Canol Fertigol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="42" />
        <source>Align Bottom</source>
        <translation>Alinio i'r Gwaelod</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="71" />
        <source>&amp;New</source>
        <translation>&amp;Newydd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="72" />
        <source>&amp;Open…</source>
        <translation>&amp;Agor…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="73" />
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="74" />
        <source>Save &amp;As…</source>
        <translation>Cadw &amp;Fel…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="75" />
        <source>&amp;Close</source>
        <translation>C&amp;au</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="76" />
        <source>&amp;Import from Other Tools…</source>
        <translation>&amp;Mewnforio o Offer Eraill…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="77" />
        <source>Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel</source>
        <translation>Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="78" />
        <source>Import a &amp;LOOPY Link…</source>
        <translation>Mewnforio &amp;Dolen LOOPY…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="79" />
        <source>Paste the address of a LOOPY model</source>
        <translation>Gludo cyfeiriad model LOOPY</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="80" />
        <source>&amp;Merge Perspectives from Projects…</source>
        <translation>C&amp;yfuno Safbwyntiau o Brosiectau…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="81" />
        <source>Gather the perspectives participants modelled on their own laptops</source>
        <translation>Casglu'r safbwyntiau a fodelodd y cyfranogwyr ar eu gliniaduron eu hunain</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="82" />
        <source>Export for &amp;Other Tools…</source>
        <translation>Allforio ar gyfer &amp;Offer Eraill…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="83" />
        <source>The causal diagram as GraphML, Kumu, Vensim, XMILE, DOT, CSV or Excel</source>
        <translation>Y diagram achosol fel GraphML, Kumu, Vensim, XMILE, DOT, CSV neu Excel</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="84" />
        <source>Export Comparison &amp;Pack (PDF or Word)…</source>
        <translation>Allforio'r &amp;Pecyn Cymharu (PDF neu Word)…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="85" />
        <source>&amp;Host Workshop Room…</source>
        <translation>&amp;Cynnal Ystafell Weithdy…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="86" />
        <source>Let laptops on this room's network edit this project with you</source>
        <translation>Gadael i liniaduron ar rwydwaith yr ystafell hon olygu'r prosiect hwn gyda chi</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="87" />
        <source>&amp;Join Workshop Room…</source>
        <translation>&amp;Ymuno ag Ystafell Weithdy…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="87" />
        <source>Edit the project of a room on this network</source>
        <translation>Golygu prosiect ystafell ar y rhwydwaith hwn</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="88" />
        <source>Leave or E&amp;nd Workshop Room</source>
        <translation>Gadael neu &amp;Orffen yr Ystafell Weithdy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="89" />
        <source>Export &amp;Diagram…</source>
        <translation>Allforio'r &amp;Diagram…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="90" />
        <source>Export Actions as CS&amp;V…</source>
        <translation>Allforio'r Camau Gweithredu fel CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="91" />
        <source>Export Comparison Tables as CSV…</source>
        <translation>Allforio'r Tablau Cymharu fel CSV…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="92" />
        <source>Export &amp;Picture of Window…</source>
        <translation>Allforio &amp;Llun o'r Ffenestr…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="93" />
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="94" />
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="95" />
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="96" />
        <source>&amp;Delete	Del</source>
        <translation>&amp;Dileu	Del</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="97" />
        <source>Select &amp;All</source>
        <translation>Dewis &amp;Popeth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="98" />
        <source>&amp;Rename	F2</source>
        <translation>&amp;Ailenwi	F2</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="99" />
        <source>Zoom &amp;In</source>
        <translation>Chwyddo &amp;Mewn</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="100" />
        <source>Zoom &amp;Out</source>
        <translation>Chwyddo &amp;Allan</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="101" />
        <source>&amp;Fit Diagram</source>
        <translation>&amp;Ffitio'r Diagram</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="102" />
        <source>Actual &amp;Size</source>
        <translation>Maint &amp;Gwirioneddol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="107" />
        <source>&amp;High Contrast (projector)</source>
        <translation>Cyferbyniad &amp;Uchel (taflunydd)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="108" />
        <source>&amp;Present Storyline</source>
        <translation>&amp;Cyflwyno'r Stori</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="109" />
        <source>Full screen, step by step, for the room (Esc stops)</source>
        <translation>Sgrin lawn, gam wrth gam, i'r ystafell (Esc i stopio)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="110" />
        <source>Story&amp;line Panel</source>
        <translation>Panel y S&amp;tori</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="111" />
        <source>The storyline's steps: add the current view, reorder, caption, play from a step</source>
        <translation>Camau'r stori: ychwanegu'r olwg bresennol, aildrefnu, capsiynau, chwarae o gam</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="112" />
        <source>&amp;Larger Text</source>
        <translation>Testun &amp;Mwy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="113" />
        <source>S&amp;maller Text</source>
        <translation>Testun Ll&amp;ai</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="114" />
        <source>&amp;Add Perspective…</source>
        <translation>&amp;Ychwanegu Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="115" />
        <source>&amp;Rename Perspective…</source>
        <translation>&amp;Ailenwi Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="116" />
        <source>Re&amp;move Perspective…</source>
        <translation>&amp;Tynnu Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="117" />
        <source>Activate &amp;Next Perspective</source>
        <translation>Gweithredu'r Safbwynt &amp;Nesaf</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="118" />
        <source>Activate &amp;Previous Perspective</source>
        <translation>Gweithredu'r Safbwynt &amp;Blaenorol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="119" />
        <source>Show A&amp;ll Perspectives</source>
        <translation>Dangos &amp;Pob Safbwynt</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="120" />
        <source>S&amp;olo Chosen Perspective</source>
        <translation>Dangos y Safbwynt a Ddewiswyd yn &amp;Unig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="125" />
        <source>&amp;%1 Tool</source>
        <translation>Offeryn &amp;%1</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="128" />
        <source>&amp;New Box (variable, activity, text)	N</source>
        <translation>Blwch &amp;Newydd (newidyn, gweithgaredd, testun)	N</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="129" />
        <source>Lin&amp;k Selected</source>
        <translation>&amp;Cysylltu'r Rhai a Ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="130" />
        <source>&amp;Tidy Layout</source>
        <translation>&amp;Tacluso'r Gosodiad</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="131" />
        <source>Polarity &amp;+ (same direction)	+</source>
        <translation>Polaredd &amp;+ (yr un cyfeiriad)	+</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="132" />
        <source>Polarity &amp;− (opposite direction)	-</source>
        <translation>Polaredd &amp;− (y cyfeiriad arall)	-</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="133" />
        <source>Polarity &amp;? (unknown)	?</source>
        <translation>Polaredd &amp;? (anhysbys)	?</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="134" />
        <source>Toggle &amp;Delay Mark (monitor and control on a model)	D</source>
        <translation>Toglo'r Marc &amp;Oedi (monitro a rheoli ar fodel)	D</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="137" />
        <source>Snap to &amp;Grid</source>
        <translation>Snapio i'r &amp;Grid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="138" />
        <source>Mark Claims Without &amp;Evidence</source>
        <translation>Marcio Honiadau Heb &amp;Dystiolaeth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="139" />
        <source>Claims no evidence of the SPOTlight review supports, or only weak evidence, carry a hollow diamond</source>
        <translation>Mae diemwnt gwag ar yr honiadau nad oes tystiolaeth yn yr adolygiad SPOTlight yn eu cefnogi, neu dystiolaeth wan yn unig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="140" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Llwybrau Byr y Bysellfwrdd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="141" />
        <source>&amp;About SSM Studio</source>
        <translation>&amp;Ynghylch SSM Studio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="160" />
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="161" />
        <source>Open &amp;Recent</source>
        <translation>Agor &amp;Diweddar</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="166" />
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="167" />
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="170" />
        <source>&amp;Panels</source>
        <translation>&amp;Paneli</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="171" />
        <source>&amp;Perspective</source>
        <translation>&amp;Safbwynt</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="173" />
        <source>&amp;Diagram</source>
        <translation>&amp;Diagram</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="175" />
        <source>&amp;Align</source>
        <translation>&amp;Alinio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="179" />
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="180" />
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="192" />
        <source>&amp;Examples</source>
        <translation>&amp;Enghreifftiau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="201" />
        <source>Causal loops</source>
        <translation>Dolenni achosol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="201" />
        <source>Side by side</source>
        <translation>Ochr yn ochr</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="202" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="202" />
        <source>Picture</source>
        <translation>Darlun</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="203" />
        <source>Contrast</source>
        <translation>Cyferbyniad</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="203" />
        <source>Fit</source>
        <translation>Ffitio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="204" />
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="204" />
        <source>CATWOE</source>
        <translation>CATWOE</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="205" />
        <source>Compare</source>
        <translation>Cymharu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="205" />
        <source>Actions</source>
        <translation>Camau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="206" />
        <source>Present</source>
        <translation>Cyflwyno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="209" />
        <source>Main</source>
        <translation>Prif</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="211" />
        <source>Main toolbar</source>
        <translation>Prif far offer</translation>
    </message>
</context>
</TS>