<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="30" />
        <source>&amp;Welcome</source>
        <translation>&amp;Croeso</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="30" />
        <source>&amp;Rich Picture</source>
        <translation>&amp;Darlun Cyfoethog</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="31" />
        <source>Causal-Loop &amp;Overlay</source>
        <translation>&amp;Troshaen Dolenni Achosol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="31" />
        <source>&amp;Side by Side</source>
        <translation>&amp;Ochr yn Ochr</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="32" />
        <source>&amp;Conceptual Model</source>
        <translation>&amp;Model Cysyniadol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="32" />
        <source>CATWOE &amp;Matrix</source>
        <translation>&amp;Matrics CATWOE</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="33" />
        <source>Comparison (stage &amp;5)</source>
        <translation>Cymharu (cam &amp;5)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="33" />
        <source>&amp;Actions (stages 6–7)</source>
        <translation>Camau &amp;Gweithredu (camau 6–7)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="34" />
        <source>S&amp;POTlight Review</source>
        <translation>Adolygiad S&amp;POTlight</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="34" />
        <source>Client &amp;Journeys</source>
        <translation>&amp;Teithiau Cleientiaid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>Select</source>
        <translation>Dewis</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>Link</source>
        <translation>Cysylltu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="35" />
        <source>Pen</source>
        <translation>Ysgrifbin</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Bubble</source>
        <translation>Swigen</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Box</source>
        <translation>Blwch</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="36" />
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="39" />
        <source>Align Left</source>
        <translation>Alinio i'r Chwith</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="39" />
        <source>Align Centre</source>
        <translation>Alinio i'r Canol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="40" />
        <source>Align Right</source>
        <translation>Alinio i'r Dde</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="40" />
        <source>Align Top</source>
        <translation>Alinio i'r Brig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="41" />
        <source>Align Middle</source>
        <translation>Alinio i'r Canol Fertigol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="41" />
        <source>Align Bottom</source>
        <translation>Alinio i'r Gwaelod</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="70" />
        <source>&amp;New</source>
        <translation>&amp;Newydd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="71" />
        <source>&amp;Open…</source>
        <translation>&amp;Agor…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="72" />
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="73" />
        <source>Save &amp;As…</source>
        <translation>Cadw &amp;Fel…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="74" />
        <source>&amp;Close</source>
        <translation>C&amp;au</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="75" />
        <source>&amp;Import from Other Tools…</source>
        <translation>&amp;Mewnforio o Offer Eraill…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="76" />
        <source>Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel</source>
        <translation>Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="77" />
        <source>Import a &amp;LOOPY Link…</source>
        <translation>Mewnforio &amp;Dolen LOOPY…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="78" />
        <source>Paste the address of a LOOPY model</source>
        <translation>Gludo cyfeiriad model LOOPY</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="79" />
        <source>&amp;Merge Perspectives from Projects…</source>
        <translation>C&amp;yfuno Safbwyntiau o Brosiectau…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="80" />
        <source>Gather the perspectives participants modelled on their own laptops</source>
        <translation>Casglu'r safbwyntiau a fodelodd y cyfranogwyr ar eu gliniaduron eu hunain</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="81" />
        <source>Export for &amp;Other Tools…</source>
        <translation>Allforio ar gyfer &amp;Offer Eraill…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="82" />
        <source>The causal diagram as GraphML, Kumu, Vensim, XMILE, DOT, CSV or Excel</source>
        <translation>Y diagram achosol fel GraphML, Kumu, Vensim, XMILE, DOT, CSV neu Excel</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="83" />
        <source>Export Comparison &amp;Pack (PDF or Word)…</source>
        <translation>Allforio'r &amp;Pecyn Cymharu (PDF neu Word)…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="84" />
        <source>&amp;Host Workshop Room…</source>
        <translation>&amp;Cynnal Ystafell Weithdy…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="85" />
        <source>Let laptops on this room's network edit this project with you</source>
        <translation>Gadael i liniaduron ar rwydwaith yr ystafell hon olygu'r prosiect hwn gyda chi</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="86" />
        <source>&amp;Join Workshop Room…</source>
        <translation>&amp;Ymuno ag Ystafell Weithdy…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="86" />
        <source>Edit the project of a room on this network</source>
        <translation>Golygu prosiect ystafell ar y rhwydwaith hwn</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="87" />
        <source>Leave or E&amp;nd Workshop Room</source>
        <translation>Gadael neu &amp;Orffen yr Ystafell Weithdy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="88" />
        <source>Export &amp;Diagram…</source>
        <translation>Allforio'r &amp;Diagram…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="89" />
        <source>Export Actions as CS&amp;V…</source>
        <translation>Allforio'r Camau Gweithredu fel CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="90" />
        <source>Export Comparison Tables as CSV…</source>
        <translation>Allforio'r Tablau Cymharu fel CSV…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="91" />
        <source>Export &amp;Picture of Window…</source>
        <translation>Allforio &amp;Llun o'r Ffenestr…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="92" />
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="93" />
        <source>&amp;Copy</source>
        <translation>&amp;Copïo</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="94" />
        <source>&amp;Paste</source>
        <translation>&amp;Gludo</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="95" />
        <source>&amp;Delete	Del</source>
        <translation>&amp;Dileu	Del</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="96" />
        <source>Select &amp;All</source>
        <translation>Dewis &amp;Popeth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="97" />
        <source>&amp;Rename	F2</source>
        <translation>&amp;Ailenwi	F2</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="98" />
        <source>Zoom &amp;In</source>
        <translation>Chwyddo &amp;Mewn</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="99" />
        <source>Zoom &amp;Out</source>
        <translation>Chwyddo &amp;Allan</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="100" />
        <source>&amp;Fit Diagram</source>
        <translation>&amp;Ffitio'r Diagram</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="101" />
        <source>Actual &amp;Size</source>
        <translation>Maint &amp;Gwirioneddol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="106" />
        <source>&amp;High Contrast (projector)</source>
        <translation>Cyferbyniad &amp;Uchel (taflunydd)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="107" />
        <source>&amp;Present Storyline</source>
        <translation>&amp;Cyflwyno'r Stori</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="108" />
        <source>Full screen, step by step, for the room (Esc stops)</source>
        <translation>Sgrin lawn, gam wrth gam, i'r ystafell (Esc i stopio)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="109" />
        <source>Story&amp;line Panel</source>
        <translation>Panel y S&amp;tori</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="110" />
        <source>The storyline's steps: add the current view, reorder, caption, play from a step</source>
        <translation>Camau'r stori: ychwanegu'r olwg bresennol, aildrefnu, capsiynau, chwarae o gam</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="111" />
        <source>&amp;Larger Text</source>
        <translation>Testun &amp;Mwy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="112" />
        <source>S&amp;maller Text</source>
        <translation>Testun Ll&amp;ai</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="113" />
        <source>&amp;Add Perspective…</source>
        <translation>&amp;Ychwanegu Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="114" />
        <source>&amp;Rename Perspective…</source>
        <translation>&amp;Ailenwi Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="115" />
        <source>Re&amp;move Perspective…</source>
        <translation>&amp;Tynnu Safbwynt…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="116" />
        <source>Activate &amp;Next Perspective</source>
        <translation>Gweithredu'r Safbwynt &amp;Nesaf</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="117" />
        <source>Activate &amp;Previous Perspective</source>
        <translation>Gweithredu'r Safbwynt &amp;Blaenorol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="118" />
        <source>Show A&amp;ll Perspectives</source>
        <translation>Dangos &amp;Pob Safbwynt</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="119" />
        <source>S&amp;olo Chosen Perspective</source>
        <translation>Dangos y Safbwynt a Ddewiswyd yn &amp;Unig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="124" />
        <source>&amp;%1 Tool</source>
        <translation>Offeryn &amp;%1</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="127" />
        <source>&amp;New Box (variable, activity, text)	N</source>
        <translation>Blwch &amp;Newydd (newidyn, gweithgaredd, testun)	N</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="128" />
        <source>Lin&amp;k Selected</source>
        <translation>&amp;Cysylltu'r Rhai a Ddewiswyd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="129" />
        <source>&amp;Tidy Layout</source>
        <translation>&amp;Tacluso'r Gosodiad</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="130" />
        <source>Polarity &amp;+ (same direction)	+</source>
        <translation>Polaredd &amp;+ (yr un cyfeiriad)	+</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="131" />
        <source>Polarity &amp;− (opposite direction)	-</source>
        <translation>Polaredd &amp;− (y cyfeiriad arall)	-</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="132" />
        <source>Polarity &amp;? (unknown)	?</source>
        <translation>Polaredd &amp;? (anhysbys)	?</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="133" />
        <source>Toggle &amp;Delay Mark (monitor and control on a model)	D</source>
        <translation>Toglo'r Marc &amp;Oedi (monitro a rheoli ar fodel)	D</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="136" />
        <source>Snap to &amp;Grid</source>
        <translation>Snapio i'r &amp;Grid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="137" />
        <source>Mark Claims Without &amp;Evidence</source>
        <translation>Marcio Honiadau Heb &amp;Dystiolaeth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="138" />
        <source>Claims no evidence of the SPOTlight review supports, or only weak evidence, carry a hollow diamond</source>
        <translation>Mae diemwnt gwag ar yr honiadau nad oes tystiolaeth yn yr adolygiad SPOTlight yn eu cefnogi, neu dystiolaeth wan yn unig</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="139" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Llwybrau Byr y Bysellfwrdd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="140" />
        <source>&amp;About SSM Studio</source>
        <translation>&amp;Ynghylch SSM Studio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="159" />
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="160" />
        <source>Open &amp;Recent</source>
        <translation>Agor &amp;Diweddar</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="165" />
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="166" />
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="169" />
        <source>&amp;Panels</source>
        <translation>&amp;Paneli</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="170" />
        <source>&amp;Perspective</source>
        <translation>&amp;Safbwynt</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="172" />
        <source>&amp;Diagram</source>
        <translation>&amp;Diagram</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="174" />
        <source>&amp;Align</source>
        <translation>&amp;Alinio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="178" />
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="179" />
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="191" />
        <source>&amp;Examples</source>
        <translation>&amp;Enghreifftiau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="200" />
        <source>Causal loops</source>
        <translation>Dolenni achosol</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="200" />
        <source>Side by side</source>
        <translation>Ochr yn ochr</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="201" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="201" />
        <source>Picture</source>
        <translation>Darlun</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="202" />
        <source>Contrast</source>
        <translation>Cyferbyniad</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="202" />
        <source>Fit</source>
        <translation>Ffitio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="203" />
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="203" />
        <source>CATWOE</source>
        <translation>CATWOE</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="204" />
        <source>Compare</source>
        <translation>Cymharu</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="204" />
        <source>Actions</source>
        <translation>Camau</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="205" />
        <source>Present</source>
        <translation>Cyflwyno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="208" />
        <source>Main</source>
        <translation>Prif</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/window_actions.py" line="210" />
        <source>Main toolbar</source>
        <translation>Prif far offer</translation>
    </message>
</context>
<context>
    <name>RoomDialogs</name>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="55" />
        <source>Workshop room</source>
        <translation>Ystafell weithdy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="56" />
        <source>Workshop room: address and join code</source>
        <translation>Ystafell weithdy: cyfeiriad a chod ymuno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="61" />
        <source>Join this room from SSM Studio on your laptop: File → Join Workshop Room, then type the address and the code (or scan the QR code), and check that the fingerprint your laptop shows is this one.</source>
        <translation>Ymunwch â'r ystafell hon o SSM Studio ar eich gliniadur: Ffeil → Ymuno ag Ystafell Weithdy, yna teipiwch y cyfeiriad a'r cod (neu sganiwch y cod QR), a gwiriwch mai hwn yw'r ôl bys y mae eich gliniadur yn ei ddangos.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="67" />
        <source>Fingerprint  %1</source>
        <translation>Ôl bys  %1</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="68" />
        <source>No fingerprint: this room is not encrypted</source>
        <translation>Dim ôl bys: nid yw'r ystafell hon wedi'i hamgryptio</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="69" />
        <location filename="../../ssm_studio/app/room_dialogs.py" line="107" />
        <source>Room address</source>
        <translation>Cyfeiriad yr ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="69" />
        <location filename="../../ssm_studio/app/room_dialogs.py" line="111" />
        <source>Join code</source>
        <translation>Cod ymuno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="70" />
        <location filename="../../ssm_studio/app/room_dialogs.py" line="114" />
        <source>Certificate fingerprint</source>
        <translation>Ôl bys y dystysgrif</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="76" />
        <source>QR code of the address, the join code and the fingerprint</source>
        <translation>Cod QR y cyfeiriad, y cod ymuno a'r ôl bys</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="81" />
        <location filename="../../ssm_studio/app/room_dialogs.py" line="90" />
        <source>No one has joined yet.</source>
        <translation>Does neb wedi ymuno eto.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="82" />
        <source>Participants</source>
        <translation>Cyfranogwyr</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="89" />
        <source>Participants in the room: %1</source>
        <translation>Cyfranogwyr yn yr ystafell: %1</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="96" />
        <location filename="../../ssm_studio/app/room_dialogs.py" line="97" />
        <source>Join a workshop room</source>
        <translation>Ymuno ag ystafell weithdy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="102" />
        <source>Rooms found on this network</source>
        <translation>Ystafelloedd a ganfuwyd ar y rhwydwaith hwn</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="105" />
        <source>Rooms &amp;found</source>
        <translation>Ystafelloedd a &amp;ganfuwyd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="106" />
        <source>wss://192.168.1.20:8765 (shown on the projector), or the room's link</source>
        <translation>wss://192.168.1.20:8765 (a ddangosir ar y taflunydd), neu ddolen yr ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="110" />
        <source>six letters and digits</source>
        <translation>chwe llythyren a digid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="113" />
        <source>five groups of four, as on the projector (or leave it: you will be asked)</source>
        <translation>pum grŵp o bedwar, fel ar y taflunydd (neu gadewch yn wag: fe ofynnir i chi)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="116" />
        <source>how the room lists you (a first name is plenty)</source>
        <translation>sut mae'r ystafell yn eich rhestru (mae enw cyntaf yn ddigon)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="117" />
        <source>Your name in the room</source>
        <translation>Eich enw yn yr ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="118" />
        <source>Room &amp;address</source>
        <translation>C&amp;yfeiriad yr ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="119" />
        <source>Join &amp;code</source>
        <translation>&amp;Cod ymuno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="120" />
        <source>Finger&amp;print</source>
        <translation>Ôl &amp;bys</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="121" />
        <source>Your &amp;name</source>
        <translation>Eich &amp;enw</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="123" />
        <source>&amp;Join</source>
        <translation>&amp;Ymuno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_dialogs.py" line="135" />
        <source>Rooms cannot be looked for on this network: type the address.</source>
        <translation>Does dim modd chwilio am ystafelloedd ar y rhwydwaith hwn: teipiwch y cyfeiriad.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="35" />
        <source>Workshop room</source>
        <translation>Ystafell weithdy</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="41" />
        <source>Who is in the room</source>
        <translation>Pwy sydd yn yr ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="44" />
        <source>Fo&amp;llow the facilitator (their page and view)</source>
        <translation>D&amp;ilyn yr hwylusydd (y dudalen a'r olwg)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="45" />
        <source>Follow the facilitator</source>
        <translation>Dilyn yr hwylusydd</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="50" />
        <source>Your private draft</source>
        <translation>Eich drafft preifat</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="53" />
        <source>&amp;Keep a private draft</source>
        <translation>&amp;Cadw drafft preifat</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="54" />
        <source>Keep your next edits on this laptop until you publish them to the room</source>
        <translation>Cadw'ch golygiadau nesaf ar y gliniadur hwn nes i chi eu cyhoeddi i'r ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="55" />
        <source>P&amp;ublish draft</source>
        <translation>C&amp;yhoeddi'r drafft</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="56" />
        <source>Send every change of your draft to the room, as one change</source>
        <translation>Anfon pob newid yn eich drafft i'r ystafell, fel un newid</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="57" />
        <source>Disc&amp;ard draft</source>
        <translation>&amp;Taflu'r drafft</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="58" />
        <source>Put back what the room has for everything your draft changed</source>
        <translation>Rhoi'n ôl yr hyn sydd gan yr ystafell ar gyfer popeth a newidiodd eich drafft</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="66" />
        <source>Split into &amp;tables…</source>
        <translation>Rhannu'n f&amp;yrddau…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="67" />
        <source>World Café: split the room into tables, each working on its own copy</source>
        <translation>Caffi'r Byd: rhannu'r ystafell yn fyrddau, pob un yn gweithio ar ei gopi ei hun</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="68" />
        <source>&amp;Gather tables…</source>
        <translation>C&amp;asglu'r byrddau…</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="69" />
        <source>Bring every table's work back into the room's project, with the merge's review</source>
        <translation>Dod â gwaith pob bwrdd yn ôl i brosiect yr ystafell, gydag adolygiad y cyfuno</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="77" />
        <source>&amp;Remove from the room</source>
        <translation>&amp;Tynnu o'r ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="78" />
        <source>Remove the chosen participant from the room</source>
        <translation>Tynnu'r cyfranogwr a ddewiswyd o'r ystafell</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="87" />
        <source>Someone</source>
        <translation>Rhywun</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="89" />
        <source>%1 (facilitator)</source>
        <translation>%1 (hwylusydd)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="91" />
        <source>%1 (you)</source>
        <translation>%1 (chi)</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="97" />
        <source>%1 selected</source>
        <translation>%1 wedi'u dewis</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="100" />
        <source>drafting privately</source>
        <translation>yn drafftio'n breifat</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="102" />
        <source>at %1</source>
        <translation>wrth %1</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="108" />
        <source>%1 in the room at %2.</source>
        <translation>%1 yn yr ystafell yn %2.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="110" />
        <source>You are at %1: your edits stay at your table until the facilitator gathers the tables.</source>
        <translation>Rydych chi wrth %1: mae eich golygiadau'n aros wrth eich bwrdd nes i'r hwylusydd gasglu'r byrddau.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="125" />
        <source>Drafting privately: %1 change(s) kept on this laptop until you publish.</source>
        <translation>Drafftio'n breifat: %1 newid wedi'u cadw ar y gliniadur hwn nes i chi gyhoeddi.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="127" />
        <source>Your edits go to your table as you make them.</source>
        <translation>Mae eich golygiadau'n mynd i'ch bwrdd wrth i chi eu gwneud.</translation>
    </message>
    <message>
        <location filename="../../ssm_studio/app/room_panel.py" line="129" />
        <source>Your edits go to the room as you make them.</source>
        <translation>Mae eich golygiadau'n mynd i'r ystafell wrth i chi eu gwneud.</translation>
    </message>
</context>
</TS>