<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>truth: %1</source>
        <translation>Wahrheit: %1</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>kein Befund</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>übersehen: %1</translation>
    </message>
    <message>
        <source>also called: %1</source>
        <translation>zusätzlich erkannt: %1</translation>
    </message>
    <message>
        <source>model: %1 (%2 %)</source>
        <translation>Modell: %1 (%2 %)</translation>
    </message>
    <message>
        <source>No finding above its operating point</source>
        <translation>Kein Befund über seinem Arbeitspunkt</translation>
    </message>
    <message>
        <source>Heatmap: %1</source>
        <translation>Heatmap: %1</translation>
    </message>
    <message>
        <source>Patient: anonymised</source>
        <translation>Patient: anonymisiert</translation>
    </message>
    <message>
        <source>Note: the film does not state that its pixels are free of printed identity.</source>
        <translation>Hinweis: Die Aufnahme gibt nicht an, dass ihre Pixel frei von eingebrannten Personendaten sind.</translation>
    </message>
    <message>
        <source>Patient: %1    ID: %2    Born: %3    Sex: %4</source>
        <translation>Patient: %1    ID: %2    Geboren: %3    Geschlecht: %4</translation>
    </message>
    <message>
        <source>Study: %1 %2    Accession: %3</source>
        <translation>Untersuchung: %1 %2    Auftragsnummer: %3</translation>
    </message>
    <message>
        <source>Film: %1 %2 %3    %4 x %5 px    spacing: %6</source>
        <translation>Aufnahme: %1 %2 %3    %4 x %5 px    Pixelabstand: %6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Operating point</source>
        <translation>Arbeitspunkt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>above</source>
        <translation>darüber</translation>
    </message>
    <message>
        <source>below</source>
        <translation>darunter</translation>
    </message>
    <message>
        <source>Model %1 %2 on %3; weights sha256 %4</source>
        <translation>Modell %1 %2 auf %3; Gewichte sha256 %4</translation>
    </message>
    <message>
        <source>Out-of-distribution score %1 (threshold %2): %3</source>
        <translation>Out-of-Distribution-Wert %1 (Schwelle %2): %3</translation>
    </message>
    <message>
        <source>unlike the model&apos;s training films</source>
        <translation>anders als die Trainingsaufnahmen des Modells</translation>
    </message>
    <message>
        <source>like the model&apos;s training films</source>
        <translation>ähnlich den Trainingsaufnahmen des Modells</translation>
    </message>
    <message>
        <source>Outside the model&apos;s training data: %1. Analysed on explicit request; treat with suspicion.</source>
        <translation>Außerhalb der Trainingsdaten des Modells: %1. Auf ausdrücklichen Wunsch analysiert; mit Vorsicht bewerten.</translation>
    </message>
    <message>
        <source>Image quality: %1</source>
        <translation>Bildqualität: %1</translation>
    </message>
    <message>
        <source>%1, %2. %3</source>
        <translation>%1, %2. %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Chest radiograph report</source>
        <translation>Befundbericht Röntgen-Thorax</translation>
    </message>
    <message>
        <source>No heatmap shown.</source>
        <translation>Keine Heatmap angezeigt.</translation>
    </message>
    <message>
        <source> (where the model looked, not an outline of disease)</source>
        <translation> (wohin das Modell geschaut hat, keine Umrandung der Erkrankung)</translation>
    </message>
    <message>
        <source>This film was not analysed.</source>
        <translation>Diese Aufnahme wurde nicht analysiert.</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Beurteilung</translation>
    </message>
    <message>
        <source>(none entered)</source>
        <translation>(keine eingegeben)</translation>
    </message>
    <message>
        <source>The probabilities above come from the named model and are decision support, not a diagnosis. They were not verified by the model&apos;s makers on this patient; the reading clinician decides.</source>
        <translation>Die obigen Wahrscheinlichkeiten stammen von dem genannten Modell und dienen der Entscheidungsunterstützung, sie sind keine Diagnose. Sie wurden von den Herstellern des Modells nicht an diesem Patienten überprüft; die Entscheidung trifft der befundende Arzt.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Patient covariates given to the model beside the film: %1</source>
        <translation>Dem Modell neben der Aufnahme übergebene Patientenmerkmale: %1</translation>
    </message>
    <message>
        <source>The model looked at: %1</source>
        <translation>Das Modell betrachtete: %1</translation>
    </message>
</context>
<context>
    <name>hilum::ai::Findings</name>
    <message>
        <source>Decision support only, not a diagnosis.</source>
        <translation>Nur Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
</context>
<context>
    <name>hilum::report</name>
    <message>
        <source>en</source>
        <comment>language code</comment>
        <extracomment>The ISO 639-1 code of the language of this translation (de, fr). Finding names are looked up with it.</extracomment>
        <translation>de</translation>
    </message>
    <message>
        <source>detector</source>
        <comment>pixel spacing source</comment>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>calibrated</source>
        <comment>pixel spacing source</comment>
        <translation>kalibriert</translation>
    </message>
    <message>
        <source>estimated</source>
        <comment>pixel spacing source</comment>
        <translation>geschätzt</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>pixel spacing source</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source> (no spacing)</source>
        <translation> (kein Pixelabstand)</translation>
    </message>
    <message>
        <source>%1 deg</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>no pixels</source>
        <translation>keine Pixel</translation>
    </message>
    <message>
        <source>%1 mm2</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>%1 px2</source>
        <translation>%1 px²</translation>
    </message>
    <message>
        <source>mean %1%2 SD %3, %4%5, %6 px</source>
        <translation>Mittelwert %1%2 SD %3, %4%5, %6 px</translation>
    </message>
    <message>
        <source>CTR: draw the thoracic width</source>
        <translation>HTQ: jetzt die Thoraxbreite zeichnen</translation>
    </message>
    <message>
        <source>CTR %1 (heart %2 / thorax %3)</source>
        <translation>HTQ %1 (Herz %2 / Thorax %3)</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AboutDialog</name>
    <message>
        <source>About Hilum</source>
        <translation>Über Hilum</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Hilum %1&lt;/h2&gt;&lt;p&gt;A chest X-ray workstation with on-device AI assist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;AI findings are decision support and teaching aids, not a diagnosis.&lt;/b&gt; Hilum is not a certified medical device.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Hilum %1&lt;/h2&gt;&lt;p&gt;Ein Arbeitsplatz für Röntgen-Thorax-Aufnahmen mit KI-Unterstützung auf dem Gerät.&lt;/p&gt;&lt;p&gt;&lt;b&gt;KI-Befunde dienen der Entscheidungsunterstützung und der Lehre, sie sind keine Diagnose.&lt;/b&gt; Hilum ist kein zertifiziertes Medizinprodukt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>This pack has no model card (MODEL_CARD.md): ask whoever made it what it was trained on and how it was measured.</source>
        <translation>Dieses Paket hat keine Modellkarte (MODEL_CARD.md): Fragen Sie seine Ersteller, womit es trainiert und wie es gemessen wurde.</translation>
    </message>
    <message>
        <source> (in use)</source>
        <translation> (in Verwendung)</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AnalysisRunner</name>
    <message>
        <source>%1 %2 on %3</source>
        <comment>model name, version, device</comment>
        <translation>%1 %2 auf %3</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AnnotationStore</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>hilum::ui::ExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Printed at the top of the report</source>
        <translation>Oben im Bericht gedruckt</translation>
    </message>
    <message>
        <source>Your impression, as it should appear in the report</source>
        <translation>Ihre Beurteilung, wie sie im Bericht erscheinen soll</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Anonymise (PS3.15 basic profile for DICOM; no identity in PDF and PNG)</source>
        <translation>Anonymisieren (PS3.15 Basisprofil für DICOM; keine Personendaten in PDF und PNG)</translation>
    </message>
    <message numerus="yes">
        <source>Add the other %n film(s) of the layout to the PDF</source>
        <translation>
            <numerusform>Die andere Aufnahme des Layouts zum PDF hinzufügen</numerusform>
            <numerusform>Die anderen %n Aufnahmen des Layouts zum PDF hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>PNG of the film with heatmap and annotations</source>
        <translation>PNG der Aufnahme mit Heatmap und Annotationen</translation>
    </message>
    <message>
        <source>DICOM Secondary Capture (heatmap burned in)</source>
        <translation>DICOM Secondary Capture (Heatmap eingebrannt)</translation>
    </message>
    <message>
        <source>Analyse the film first</source>
        <translation>Zuerst die Aufnahme analysieren</translation>
    </message>
    <message>
        <source>DICOM Structured Report of the findings</source>
        <translation>DICOM Structured Report der Befunde</translation>
    </message>
    <message>
        <source>DICOM Encapsulated PDF of the report</source>
        <translation>DICOM Encapsulated PDF des Berichts</translation>
    </message>
    <message>
        <source>DICOM presentation state with the annotations (GSPS)</source>
        <translation>DICOM Presentation State mit den Annotationen (GSPS)</translation>
    </message>
    <message>
        <source>Needs annotations on a DICOM film</source>
        <translation>Benötigt Annotationen auf einer DICOM-Aufnahme</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Beurteilung</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exportiere...</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::FilmView</name>
    <message>
        <source>Open a film with Ctrl+O, or drop one here</source>
        <translation>Aufnahme mit Strg+O öffnen oder hierher ziehen</translation>
    </message>
    <message>
        <source>W %1  L %2  zoom %3%%4%5</source>
        <translation>W %1  L %2  Zoom %3%%4%5</translation>
    </message>
    <message>
        <source>  inverted</source>
        <translation>  invertiert</translation>
    </message>
    <message>
        <source>  rot %1%2</source>
        <translation>  gedreht %1%2</translation>
    </message>
    <message>
        <source> flipped</source>
        <translation> gespiegelt</translation>
    </message>
    <message>
        <source>x %1  y %2  value %3</source>
        <translation>x %1  y %2  Wert %3</translation>
    </message>
    <message>
        <source>spacing %1 mm (%2)%3</source>
        <translation>Pixelabstand %1 mm (%2)%3</translation>
    </message>
    <message>
        <source>  preview</source>
        <translation>  Vorschau</translation>
    </message>
    <message>
        <source>spacing unknown: distances in pixels</source>
        <translation>Pixelabstand unbekannt: Strecken in Pixeln</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
<context>
    <name>hilum::ui::FindingsPanel</name>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Cancel analysis</source>
        <translation>Analyse abbrechen</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>G cycles heatmap, contour and off</source>
        <translation>G wechselt zwischen Heatmap, Kontur und aus</translation>
    </message>
    <message>
        <source>All positive findings at once</source>
        <translation>Alle positiven Befunde gleichzeitig</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>Hide below</source>
        <translation>Ausblenden unter</translation>
    </message>
    <message>
        <source>A heatmap shows where the model looked, not where the disease is.</source>
        <translation>Eine Heatmap zeigt, wohin das Modell geschaut hat, nicht wo die Erkrankung liegt.</translation>
    </message>
    <message>
        <source>Reveal findings (Enter)</source>
        <translation>Befunde aufdecken (Eingabe)</translation>
    </message>
    <message>
        <source>Analysing...</source>
        <translation>Analysiere...</translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <comment>model name, version, device</comment>
        <translation>%1 %2 auf %3</translation>
    </message>
    <message>
        <source>Most likely: %1</source>
        <translation>Am wahrscheinlichsten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) above their operating point</source>
        <translation>
            <numerusform>%n Befund über seinem Arbeitspunkt</numerusform>
            <numerusform>%n Befunde über ihrem Arbeitspunkt</numerusform>
        </translation>
    </message>
    <message>
        <source>Findings hidden: read the film first, then reveal them (Enter).</source>
        <translation>Befunde verborgen: zuerst die Aufnahme befunden, dann aufdecken (Eingabe).</translation>
    </message>
    <message>
        <source>Outside the model&apos;s training data:</source>
        <translation>Außerhalb der Trainingsdaten des Modells:</translation>
    </message>
    <message>
        <source>Image quality:</source>
        <translation>Bildqualität:</translation>
    </message>
    <message>
        <source>Like the model&apos;s training films (out-of-distribution score %1, threshold %2)</source>
        <translation>Ähnlich den Trainingsaufnahmen des Modells (Out-of-Distribution-Wert %1, Schwelle %2)</translation>
    </message>
    <message>
        <source>%1: %2 % (operating point %3 %)</source>
        <translation>%1: %2 % (Arbeitspunkt %3 %)</translation>
    </message>
    <message>
        <source>
At this threshold on validation films: sensitivity %1 %, specificity %2 %</source>
        <translation>
Bei diesem Schwellenwert auf Validierungsaufnahmen: Sensitivität %1 %, Spezifität %2 %</translation>
    </message>
    <message>
        <source>
Outside the model&apos;s training data: treat with suspicion.</source>
        <translation>
Außerhalb der Trainingsdaten des Modells: mit Vorsicht bewerten.</translation>
    </message>
    <message>
        <source>The model read beside the film: %1</source>
        <translation>Das Modell las neben der Aufnahme: %1</translation>
    </message>
    <message>
        <source>The model reads patient covariates beside the film; it was given: %1</source>
        <translation>Das Modell liest neben der Aufnahme Patientenmerkmale; übergeben wurde: %1</translation>
    </message>
    <message>
        <source>The model looked at: %1</source>
        <translation>Das Modell betrachtete: %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::MainWindow</name>
    <message>
        <source>Hilum</source>
        <translation>Hilum</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation>KI-Befunde</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Untersuchungen</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) indexed</source>
        <translation>
            <numerusform>%n Aufnahme indiziert</numerusform>
            <numerusform>%n Aufnahmen indiziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n übersprungen</numerusform>
            <numerusform>, %n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Model %1 ready</source>
        <translation>Modell %1 bereit</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>The model pack could not be loaded: %1</source>
        <translation>Das Modellpaket konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analyse abgebrochen.</translation>
    </message>
    <message>
        <source>No model pack found. Choose one under AI &gt; Model.</source>
        <translation>Kein Modellpaket gefunden. Wählen Sie eines unter KI &gt; Modell.</translation>
    </message>
    <message>
        <source>Open a film first (a preview is still loading, or nothing is open).</source>
        <translation>Zuerst eine Aufnahme öffnen (eine Vorschau lädt noch, oder nichts ist geöffnet).</translation>
    </message>
    <message>
        <source>Hilum - %1</source>
        <translation>Hilum - %1</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>Lade %1...</translation>
    </message>
    <message>
        <source>No model loaded: choose a pack under AI &gt; Model.</source>
        <translation>Kein Modell geladen: Wählen Sie ein Paket unter KI &gt; Modell.</translation>
    </message>
    <message>
        <source>Not analysed automatically: %1.
Press A to analyse anyway; the findings will be marked.</source>
        <translation>Nicht automatisch analysiert: %1.
A drücken, um trotzdem zu analysieren; die Befunde werden markiert.</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Annotations not saved: %1</source>
        <translation>Annotationen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Arrow label</source>
        <translation>Pfeilbeschriftung</translation>
    </message>
    <message>
        <source>Text at the arrow&apos;s tail:</source>
        <translation>Text am Pfeilende:</translation>
    </message>
    <message>
        <source>Open films</source>
        <translation>Aufnahmen öffnen</translation>
    </message>
    <message>
        <source>Films (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Aufnahmen (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open folder or DICOMDIR folder</source>
        <translation>Ordner oder DICOMDIR-Ordner öffnen</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Öffne %1...</translation>
    </message>
    <message>
        <source>Stored annotations unreadable: %1</source>
        <translation>Gespeicherte Annotationen nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open film</source>
        <translation>Aufnahme kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 x %2 mm (%3)</source>
        <translation>%1 x %2 mm (%3)</translation>
    </message>
    <message>
        <source>spacing unknown</source>
        <translation>Pixelabstand unbekannt</translation>
    </message>
    <message>
        <source>%1  %2  %3 x %4  %5  %6</source>
        <translation>%1  %2  %3 x %4  %5  %6</translation>
    </message>
    <message>
        <source>  film %1 of %2</source>
        <translation>  Aufnahme %1 von %2</translation>
    </message>
    <message>
        <source>  (preview, loading full resolution...)</source>
        <translation>  (Vorschau, volle Auflösung wird geladen...)</translation>
    </message>
    <message>
        <source>W %1 / L %2</source>
        <translation>W %1 / L %2</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Window/level (left drag)</source>
        <translation>&amp;Fensterung (Linksziehen)</translation>
    </message>
    <message>
        <source>&amp;Distance</source>
        <translation>&amp;Strecke</translation>
    </message>
    <message>
        <source>A&amp;ngle</source>
        <translation>&amp;Winkel</translation>
    </message>
    <message>
        <source>&amp;Rectangle ROI</source>
        <translation>&amp;Rechteck-ROI</translation>
    </message>
    <message>
        <source>&amp;Ellipse ROI</source>
        <translation>&amp;Ellipsen-ROI</translation>
    </message>
    <message>
        <source>&amp;Arrow with text</source>
        <translation>&amp;Pfeil mit Text</translation>
    </message>
    <message>
        <source>&amp;Cardiothoracic ratio</source>
        <translation>&amp;Herz-Thorax-Quotient</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open films...</source>
        <translation>Aufnahmen ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;folder or DICOMDIR...</source>
        <translation>&amp;Ordner oder DICOMDIR öffnen...</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Next film</source>
        <translation>&amp;Nächste Aufnahme</translation>
    </message>
    <message>
        <source>Pre&amp;vious film</source>
        <translation>&amp;Vorige Aufnahme</translation>
    </message>
    <message>
        <source>DICOM &amp;tags...</source>
        <translation>DICOM-&amp;Tags...</translation>
    </message>
    <message>
        <source>&amp;Import annotations from a presentation state...</source>
        <translation>Annotationen aus einem Presentation State &amp;importieren...</translation>
    </message>
    <message>
        <source>DICOM presentation state (GSPS)</source>
        <translation>DICOM Presentation State (GSPS)</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>DICOM-Dateien (*.dcm);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) imported</source>
        <translation>
            <numerusform>%n Annotation importiert</numerusform>
            <numerusform>%n Annotationen importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export report, PNG, DICOM...</source>
        <translation>Bericht, PNG, DICOM &amp;exportieren...</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation>&amp;KI</translation>
    </message>
    <message>
        <source>&amp;Analyse film</source>
        <translation>Aufnahme &amp;analysieren</translation>
    </message>
    <message>
        <source>Analyse on &amp;open</source>
        <translation>Beim Ö&amp;ffnen analysieren</translation>
    </message>
    <message>
        <source>Heatmap / contour / off</source>
        <translation>Heatmap / Kontur / aus</translation>
    </message>
    <message>
        <source>All &amp;positive findings at once</source>
        <translation>Alle &amp;positiven Befunde gleichzeitig</translation>
    </message>
    <message>
        <source>&amp;Reveal findings (teaching quiz)</source>
        <translation>Befunde auf&amp;decken (Lehr-Quiz)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;PACS</source>
        <translation>&amp;PACS</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve...</source>
        <translation>&amp;Suchen/Abrufen...</translation>
    </message>
    <message>
        <source>&amp;Send current film...</source>
        <translation>Aktuelle Aufnahme &amp;senden...</translation>
    </message>
    <message>
        <source>Open a film first.</source>
        <translation>Zuerst eine Aufnahme öffnen.</translation>
    </message>
    <message>
        <source>only DICOM films can be sent to a PACS</source>
        <translation>nur DICOM-Aufnahmen können an ein PACS gesendet werden</translation>
    </message>
    <message>
        <source>Send &amp;AI result...</source>
        <translation>&amp;KI-Ergebnis senden...</translation>
    </message>
    <message>
        <source>Analyse a film first (A): there is no AI result to send.</source>
        <translation>Zuerst eine Aufnahme analysieren (A): Es gibt kein KI-Ergebnis zum Senden.</translation>
    </message>
    <message>
        <source>PACS se&amp;ttings...</source>
        <translation>PACS-Ein&amp;stellungen...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Hilum</source>
        <translation>&amp;Über Hilum</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <source>Rotate &amp;right</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <source>Flip &amp;vertically</source>
        <translation>&amp;Vertikal spiegeln</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;One film pixel per screen pixel</source>
        <translation>&amp;Ein Aufnahmepixel pro Bildschirmpixel</translation>
    </message>
    <message>
        <source>Reset &amp;window</source>
        <translation>&amp;Fensterung zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Magnifier</source>
        <translation>&amp;Lupe</translation>
    </message>
    <message>
        <source>Corner &amp;overlays</source>
        <translation>Eck&amp;einblendungen</translation>
    </message>
    <message>
        <source>Window &amp;presets</source>
        <translation>Fenster&amp;voreinstellungen</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Layout</translation>
    </message>
    <message>
        <source>1 x 1</source>
        <translation>1 x 1</translation>
    </message>
    <message>
        <source>1 x 2</source>
        <translation>1 x 2</translation>
    </message>
    <message>
        <source>2 x 2</source>
        <translation>2 x 2</translation>
    </message>
    <message>
        <source>&amp;Link views</source>
        <translation>Ansichten &amp;koppeln</translation>
    </message>
    <message>
        <source>&amp;Heatmap beside film</source>
        <translation>&amp;Heatmap neben der Aufnahme</translation>
    </message>
    <message>
        <source>&amp;Teaching mode (identity hidden, full screen)</source>
        <translation>&amp;Lehrmodus (Identität verborgen, Vollbild)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Remove &amp;last annotation</source>
        <translation>&amp;Letzte Annotation entfernen</translation>
    </message>
    <message>
        <source>&amp;Clear annotations on this film</source>
        <translation>Annotationen dieser Aufnahme &amp;löschen</translation>
    </message>
    <message>
        <source>Open pack folder...</source>
        <translation>Paketordner öffnen...</translation>
    </message>
    <message>
        <source>Model pack folder</source>
        <translation>Modellpaket-Ordner</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open films / a folder or DICOMDIR&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page Down&lt;/b&gt; / &lt;b&gt;Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next / previous film (arrows in teaching mode)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right-drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;window (horizontal) and level (vertical)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1 - 9&lt;/b&gt;, &lt;b&gt;Shift+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;window presets, reset window&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;invert&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt; / &lt;b&gt;L&lt;/b&gt;, &lt;b&gt;H&lt;/b&gt; / &lt;b&gt;V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;rotate right / left, flip horizontally / vertically&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;drop the measurement being drawn, else reset the view&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt; / &lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fit / one film pixel per screen pixel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;M&lt;/b&gt;, &lt;b&gt;O&lt;/b&gt;, &lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;magnifier, corner overlays, lung outline (model)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pan tool, window/level tool (left drag)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;D&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt;, &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;distance, angle, rectangle ROI, ellipse ROI&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;arrow with text, cardiothoracic ratio (heart width, then thorax)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;remove the last annotation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+1 / 2 / 4&lt;/b&gt;, &lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;layouts 1x1 / 1x2 / 2x2, link views&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;heatmap beside the film&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt;, &lt;b&gt;Shift+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;analyse, heatmap / contour / off, all positive findings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reveal findings (teaching quiz)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;, &lt;b&gt;Ctrl+,&lt;/b&gt;, &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;DICOM tags, settings, export report / PNG / DICOM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;PACS query/retrieve&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;teaching mode&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+O&lt;/b&gt; / &lt;b&gt;Strg+Umschalt+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Aufnahmen / einen Ordner oder DICOMDIR öffnen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Bild ab&lt;/b&gt; / &lt;b&gt;Bild auf&lt;/b&gt;&lt;/td&gt;&lt;td&gt;nächste / vorige Aufnahme (Pfeiltasten im Lehrmodus)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rechts ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fensterbreite (horizontal) und Fensterlage (vertikal)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1 - 9&lt;/b&gt;, &lt;b&gt;Umschalt+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fenstervoreinstellungen, Fensterung zurücksetzen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;invertieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt; / &lt;b&gt;L&lt;/b&gt;, &lt;b&gt;H&lt;/b&gt; / &lt;b&gt;V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;nach rechts / links drehen, horizontal / vertikal spiegeln&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;laufende Messung verwerfen, sonst Ansicht zurücksetzen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Leertaste&lt;/b&gt; / &lt;b&gt;Strg+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;einpassen / ein Aufnahmepixel pro Bildschirmpixel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;M&lt;/b&gt;, &lt;b&gt;O&lt;/b&gt;, &lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lupe, Eckeinblendungen, Lungenkontur (Modell)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Verschieben, Fensterung (Linksziehen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;D&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt;, &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Strecke, Winkel, Rechteck-ROI, Ellipsen-ROI&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Pfeil mit Text, Herz-Thorax-Quotient (erst Herzbreite, dann Thorax)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rücktaste&lt;/b&gt;&lt;/td&gt;&lt;td&gt;letzte Annotation entfernen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Alt+1 / 2 / 4&lt;/b&gt;, &lt;b&gt;Strg+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Layouts 1x1 / 1x2 / 2x2, Ansichten koppeln&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Umschalt+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Heatmap neben der Aufnahme&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt;, &lt;b&gt;Umschalt+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;analysieren, Heatmap / Kontur / aus, alle positiven Befunde&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Eingabe&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Befunde aufdecken (Lehr-Quiz)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+T&lt;/b&gt;, &lt;b&gt;Strg+,&lt;/b&gt;, &lt;b&gt;Strg+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;DICOM-Tags, Einstellungen, Bericht / PNG / DICOM exportieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Umschalt+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;PACS suchen/abrufen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lehrmodus&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 was not loaded: it is a TorchScript pack from outside Hilum&apos;s model folders, and you chose not to run it.</source>
        <translation>%1 wurde nicht geladen: Es ist ein TorchScript-Paket von außerhalb der Modellordner von Hilum, und Sie haben entschieden, es nicht auszuführen.</translation>
    </message>
    <message>
        <source>Run a TorchScript model pack?</source>
        <translation>TorchScript-Modellpaket ausführen?</translation>
    </message>
    <message>
        <source>The model pack in
%1
is TorchScript from outside Hilum&apos;s model folders. Loading it runs the program it contains with your rights: it could read, change or send anything you can.

Run it only if you trust where it came from. Hilum remembers your answer for this pack.</source>
        <translation>Das Modellpaket in
%1
ist TorchScript von außerhalb der Modellordner von Hilum. Beim Laden wird das darin enthaltene Programm mit Ihren Rechten ausgeführt: Es könnte alles lesen, ändern oder versenden, worauf Sie zugreifen können.

Führen Sie es nur aus, wenn Sie seiner Herkunft vertrauen. Hilum merkt sich Ihre Antwort für dieses Paket.</translation>
    </message>
    <message>
        <source>L&amp;ung outline (model)</source>
        <translation>&amp;Lungenkontur (Modell)</translation>
    </message>
    <message>
        <source>Lungs: %1 (model outline)</source>
        <translation>Lunge: %1 (Modellkontur)</translation>
    </message>
    <message>
        <source>No lung field found on this film.</source>
        <translation>Auf dieser Aufnahme wurde kein Lungenfeld gefunden.</translation>
    </message>
    <message>
        <source>Lung outline unavailable: %1</source>
        <translation>Lungenkontur nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::Pacs</name>
    <message>
        <source>No PACS node: add one in PACS settings</source>
        <translation>Kein PACS-Knoten: Fügen Sie einen in den PACS-Einstellungen hinzu</translation>
    </message>
</context>
<context>
    <name>hilum::ui::PacsSettingsDialog</name>
    <message>
        <source>e.g. Main PACS</source>
        <translation>z. B. Haupt-PACS</translation>
    </message>
    <message>
        <source>the PACS&apos;s AE title, e.g. ORTHANC</source>
        <translation>AE-Titel des PACS, z. B. ORTHANC</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;AE title:</source>
        <translation>&amp;AE-Titel:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>The node needs a name.</source>
        <translation>Der Knoten braucht einen Namen.</translation>
    </message>
    <message>
        <source>A node named &apos;%1&apos; already exists.</source>
        <translation>Ein Knoten namens &apos;%1&apos; existiert bereits.</translation>
    </message>
    <message>
        <source>The node needs a host.</source>
        <translation>Der Knoten braucht einen Host.</translation>
    </message>
    <message>
        <source>PACS settings</source>
        <translation>PACS-Einstellungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>AE-Titel</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>C-ECHO</source>
        <translation>C-ECHO</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bearbeiten...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test (C-ECHO)</source>
        <translation>&amp;Testen (C-ECHO)</translation>
    </message>
    <message>
        <source>Add PACS node</source>
        <translation>PACS-Knoten hinzufügen</translation>
    </message>
    <message>
        <source>PACS nodes</source>
        <translation>PACS-Knoten</translation>
    </message>
    <message>
        <source>The calling AE title of every association; the PACS must know it for C-MOVE.</source>
        <translation>Der aufrufende AE-Titel jeder Assoziation; das PACS muss ihn für C-MOVE kennen.</translation>
    </message>
    <message>
        <source>Receive studies (storage SCP)</source>
        <translation>Untersuchungen empfangen (Storage-SCP)</translation>
    </message>
    <message>
        <source>Listen on all interfaces (otherwise only this computer, 127.0.0.1)</source>
        <translation>Auf allen Schnittstellen lauschen (sonst nur dieser Rechner, 127.0.0.1)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Dieser Arbeitsplatz</translation>
    </message>
    <message>
        <source>Our &amp;AE title:</source>
        <translation>Unser &amp;AE-Titel:</translation>
    </message>
    <message>
        <source>SCP &amp;port:</source>
        <translation>SCP-&amp;Port:</translation>
    </message>
    <message>
        <source>Local &amp;store:</source>
        <translation>Lokaler &amp;Speicher:</translation>
    </message>
    <message>
        <source>e.g. Pneumothorax=3,Effusion=1.5</source>
        <translation>z. B. Pneumothorax=3,Effusion=1.5</translation>
    </message>
    <message>
        <source>Weight per finding: the worklist ranks studies by weight x probability.</source>
        <translation>Gewicht pro Befund: Die Arbeitsliste ordnet Untersuchungen nach Gewicht x Wahrscheinlichkeit.</translation>
    </message>
    <message>
        <source>AI triage worklist</source>
        <translation>KI-Triage-Arbeitsliste</translation>
    </message>
    <message>
        <source>Send &amp;results (SR + SC) to:</source>
        <translation>&amp;Ergebnisse (SR + SC) senden an:</translation>
    </message>
    <message>
        <source>&amp;Priorities:</source>
        <translation>&amp;Prioritäten:</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>%1
The settings below are the defaults; saving replaces the file.</source>
        <translation>%1
Die Einstellungen unten sind die Vorgaben; Speichern ersetzt die Datei.</translation>
    </message>
    <message>
        <source>Unticked, the SCP keeps listening on %1 as configured.</source>
        <translation>Ohne Haken lauscht der SCP weiter auf %1 wie konfiguriert.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>C-ECHO: is the node there and does it accept us?</source>
        <translation>C-ECHO: Ist der Knoten erreichbar und akzeptiert er uns?</translation>
    </message>
    <message>
        <source>Edit PACS node</source>
        <translation>PACS-Knoten bearbeiten</translation>
    </message>
    <message>
        <source>Keep results local</source>
        <translation>Ergebnisse lokal behalten</translation>
    </message>
    <message>
        <source>testing...</source>
        <translation>teste...</translation>
    </message>
    <message>
        <source>OK (%1 ms)</source>
        <translation>OK (%1 ms)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Local store for retrieved and received studies</source>
        <translation>Lokaler Speicher für abgerufene und empfangene Untersuchungen</translation>
    </message>
</context>
<context>
    <name>hilum::ui::QueryRetrieveDialog</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Suchen/Abrufen</translation>
    </message>
    <message>
        <source>PACS &amp;settings...</source>
        <translation>PACS-Ein&amp;stellungen...</translation>
    </message>
    <message>
        <source>DOE^JANE, or DOE* (* and ? match anything)</source>
        <translation>MUSTER^ERIKA oder MUSTER* (* und ? passen auf alles)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Modalities in study, comma separated; empty for any.</source>
        <translation>Modalitäten der Untersuchung, durch Komma getrennt; leer für alle.</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>Study &amp;date:</source>
        <translation>Untersuchungs&amp;datum:</translation>
    </message>
    <message>
        <source>Patient &amp;name:</source>
        <translation>Patienten&amp;name:</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>Patienten-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalität:</translation>
    </message>
    <message>
        <source>A&amp;ccession:</source>
        <translation>Auftrags&amp;nummer:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <source>C-GET the selected studies into the local store</source>
        <translation>Die gewählten Untersuchungen per C-GET in den lokalen Speicher holen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>No PACS node is configured: add one with PACS settings.</source>
        <translation>Kein PACS-Knoten konfiguriert: Fügen Sie einen in den PACS-Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Breche ab...</translation>
    </message>
    <message>
        <source>The study date range ends before it starts.</source>
        <translation>Der Datumsbereich endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>%1 found so far...</source>
        <translation>bisher %1 gefunden...</translation>
    </message>
    <message>
        <source>Searching %1...</source>
        <translation>Suche auf %1...</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>1 study found on %1.</source>
        <translation>1 Untersuchung auf %1 gefunden.</translation>
    </message>
    <message>
        <source>%1 studies found on %2.</source>
        <translation>%1 Untersuchungen auf %2 gefunden.</translation>
    </message>
    <message>
        <source>Select the studies to retrieve.</source>
        <translation>Wählen Sie die abzurufenden Untersuchungen.</translation>
    </message>
    <message>
        <source>Retrieving %1 from %2...</source>
        <translation>Rufe %1 von %2 ab...</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 Untersuchung</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 Untersuchungen</translation>
    </message>
    <message>
        <source>%1 stored, %2 already in the store, %3 failed.</source>
        <translation>%1 gespeichert, %2 bereits im Speicher, %3 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Retrieve cancelled: </source>
        <translation>Abruf abgebrochen: </translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation> Was angekommen ist, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Retrieved %1 into %2: </source>
        <translation>%1 in %2 abgerufen: </translation>
    </message>
    <message>
        <source>%1 of %2 instances</source>
        <translation>%1 von %2 Instanzen</translation>
    </message>
    <message>
        <source>Study %1 of %2: %3 of %4 instances</source>
        <translation>Untersuchung %1 von %2: %3 von %4 Instanzen</translation>
    </message>
</context>
<context>
    <name>hilum::ui::SendDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Add files...</source>
        <translation>Dateien &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>For example the DICOM report objects File &gt; Export wrote (SC, SR, PDF)</source>
        <translation>Zum Beispiel die DICOM-Berichtsobjekte, die Datei &gt; Exportieren geschrieben hat (SC, SR, PDF)</translation>
    </message>
    <message>
        <source>DICOM files to send</source>
        <translation>Zu sendende DICOM-Dateien</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>DICOM-Dateien (*.dcm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>No PACS node is configured: add one with PACS settings.</source>
        <translation>Kein PACS-Knoten konfiguriert: Fügen Sie einen in den PACS-Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Breche ab...</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>Sending %1 to %2...</source>
        <translation>Sende %1 an %2...</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>Send cancelled.</source>
        <translation>Senden abgebrochen.</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source> (warning: %1)</source>
        <translation> (Warnung: %1)</translation>
    </message>
    <message>
        <source>%1: %2 stored, %3 failed.</source>
        <translation>%1: %2 gespeichert, %3 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>hilum::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Analyse each film when it opens</source>
        <translation>Jede Aufnahme beim Öffnen analysieren</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Link zoom, pan and window across views</source>
        <translation>Zoom, Verschiebung und Fensterung über Ansichten koppeln</translation>
    </message>
    <message>
        <source>Show corner overlays</source>
        <translation>Eckeinblendungen anzeigen</translation>
    </message>
    <message>
        <source>Teaching mode hides findings until revealed</source>
        <translation>Lehrmodus verbirgt Befunde bis zum Aufdecken</translation>
    </message>
    <message>
        <source>A folder with one sub-folder per model pack</source>
        <translation>Ein Ordner mit einem Unterordner pro Modellpaket</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Model pack folder</source>
        <translation>Modellpaket-Ordner</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>A new language applies when Hilum next starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Hilum.</translation>
    </message>
    <message>
        <source>Heatmap display</source>
        <translation>Heatmap-Darstellung</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>Heatmap-Deckkraft</translation>
    </message>
    <message>
        <source>Hide activation below</source>
        <translation>Aktivierung ausblenden unter</translation>
    </message>
    <message>
        <source>Your model packs</source>
        <translation>Ihre Modellpakete</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>hilum::ui::StudyBrowser</name>
    <message>
        <source>Open a folder or DICOMDIR with Ctrl+Shift+O</source>
        <translation>Ordner oder DICOMDIR mit Strg+Umschalt+O öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Indexing %1...</source>
        <translation>Indiziere %1...</translation>
    </message>
    <message>
        <source>Indexing: %1 of %2 files...</source>
        <translation>Indiziere: %1 von %2 Dateien...</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Patient %1</translation>
    </message>
    <message>
        <source>(no patient identity)</source>
        <translation>(keine Patientenidentität)</translation>
    </message>
    <message>
        <source>(study)</source>
        <translation>(Untersuchung)</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message numerus="yes">
        <source>  (%n film(s))</source>
        <translation>
            <numerusform>  (%n Aufnahme)</numerusform>
            <numerusform>  (%n Aufnahmen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n Aufnahme</numerusform>
            <numerusform>%n Aufnahmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s) skipped</source>
        <translation>
            <numerusform>, %n Datei übersprungen</numerusform>
            <numerusform>, %n Dateien übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hilum::ui::TagBrowser</name>
    <message>
        <source>DICOM attributes</source>
        <translation>DICOM-Attribute</translation>
    </message>
    <message>
        <source>Search tag, keyword or value</source>
        <translation>Tag, Schlüsselwort oder Wert suchen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>hilum::ui::TrainingTab</name>
    <message>
        <source>labels CSV (NIH style or image,label,patient columns)</source>
        <translation>Label-CSV (NIH-Format oder Spalten image,label,patient)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Labels CSV</source>
        <translation>Label-CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Choose a CSV to see its labels and split.</source>
        <translation>Wählen Sie eine CSV-Datei, um ihre Labels und die Aufteilung zu sehen.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>rotation, scale, shift, brightness/contrast/gamma, noise (no flips)</source>
        <translation>Rotation, Skalierung, Verschiebung, Helligkeit/Kontrast/Gamma, Rauschen (keine Spiegelung)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Input size (px)</source>
        <translation>Eingabegröße (px)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Lauf-Ordner</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open pack in viewer</source>
        <translation>Paket im Betrachter öffnen</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>validation mean AUC</source>
        <translation>mittlere Validierungs-AUC</translation>
    </message>
    <message>
        <source>validation mean PR-AUC</source>
        <translation>mittlere Validierungs-PR-AUC</translation>
    </message>
    <message>
        <source>learning rate (x1000)</source>
        <translation>Lernrate (x1000)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Validation AUC, PR-AUC and learning rate</source>
        <translation>Validierungs-AUC, PR-AUC und Lernrate</translation>
    </message>
    <message>
        <source>ROC on the test patients</source>
        <translation>ROC auf den Testpatienten</translation>
    </message>
    <message>
        <source>1 - specificity</source>
        <translation>1 - Spezifität</translation>
    </message>
    <message>
        <source>Calibration on validation films</source>
        <translation>Kalibrierung auf Validierungsaufnahmen</translation>
    </message>
    <message>
        <source>predicted probability</source>
        <translation>vorhergesagte Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>observed frequency</source>
        <translation>beobachtete Häufigkeit</translation>
    </message>
    <message>
        <source>Test AUC</source>
        <translation>Test-AUC</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Testergebnisse</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Training %1 on %2...</source>
        <translation>Trainiere %1 auf %2...</translation>
    </message>
    <message>
        <source>epoch %1/%2  batch %v/%m</source>
        <translation>Epoche %1/%2  Batch %v/%m</translation>
    </message>
    <message>
        <source>Best epoch %1; test mean AUC %2. Pack: %3</source>
        <translation>Beste Epoche %1; mittlere Test-AUC %2. Paket: %3</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>ideal</translation>
    </message>
    <message>
        <source>before (ECE %1)</source>
        <translation>vorher (ECE %1)</translation>
    </message>
    <message>
        <source>after (ECE %1)</source>
        <translation>nachher (ECE %1)</translation>
    </message>
    <message>
        <source>Calibrated on the validation films: mean ECE %1 -&gt; %2</source>
        <translation>Auf den Validierungsaufnahmen kalibriert: mittlere ECE %1 -&gt; %2</translation>
    </message>
    <message>
        <source>Cancelling after this batch; Resume continues from the last finished epoch.</source>
        <translation>Abbruch nach diesem Batch; Fortsetzen macht bei der letzten abgeschlossenen Epoche weiter.</translation>
    </message>
    <message>
        <source>epoch %1: loss %2 / %3, mean AUC %4, mean PR-AUC %5%6</source>
        <translation>Epoche %1: Verlust %2 / %3, mittlere AUC %4, mittlere PR-AUC %5%6</translation>
    </message>
    <message>
        <source>  (best)</source>
        <translation>  (beste)</translation>
    </message>
    <message>
        <source>patient age, sex and view from the CSV, beside the film</source>
        <translation>Alter, Geschlecht und Projektion des Patienten aus der CSV, neben der Aufnahme</translation>
    </message>
    <message>
        <source>The pack then reads them from each film&apos;s DICOM header when it analyses; a film without them is analysed with them marked unknown.</source>
        <translation>Das Paket liest sie dann bei der Analyse aus dem DICOM-Header jeder Aufnahme; eine Aufnahme ohne sie wird mit „unbekannt“ analysiert.</translation>
    </message>
    <message>
        <source>Covariates</source>
        <translation>Patientenmerkmale</translation>
    </message>
    <message>
        <source>%1 films, %2 labels. Patient split: %3 training, %4 validation, %5 test. Age known for %6 films, sex for %7, view (PA/AP) for %8.</source>
        <translation>%1 Aufnahmen, %2 Befundklassen. Aufteilung nach Patienten: %3 Training, %4 Validierung, %5 Test. Alter bekannt für %6 Aufnahmen, Geschlecht für %7, Projektion (PA/AP) für %8.</translation>
    </message>
    <message>
        <source>crop every film to its lungs before the model sees it</source>
        <translation>jede Aufnahme vor dem Modell auf ihre Lunge zuschneiden</translation>
    </message>
    <message>
        <source>The lung segmentation pack %1 finds each film&apos;s lungs; the model learns from and later analyses their box alone, so burned-in labels and markers outside cannot teach it a shortcut.</source>
        <translation>Das Lungensegmentierungspaket %1 findet die Lunge jeder Aufnahme; das Modell lernt aus ihrem Rahmen und analysiert später nur ihn, sodass eingebrannte Beschriftungen und Marker außerhalb ihm keine Abkürzung beibringen können.</translation>
    </message>
    <message>
        <source>No lung segmentation pack is installed.</source>
        <translation>Kein Lungensegmentierungspaket ist installiert.</translation>
    </message>
    <message>
        <source>Lung crop</source>
        <translation>Lungenausschnitt</translation>
    </message>
</context>
<context>
    <name>hilum::ui::ValidationGallery</name>
    <message>
        <source>After a run, the test films appear here with the model&apos;s calls, mistakes first.</source>
        <translation>Nach einem Lauf erscheinen hier die Testaufnahmen mit den Aussagen des Modells, Fehler zuerst.</translation>
    </message>
    <message>
        <source>All films</source>
        <translation>Alle Aufnahmen</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Correct calls</source>
        <translation>Richtige Aussagen</translation>
    </message>
    <message>
        <source>Mistakes: the wrong class, or a true finding the model did not call.</source>
        <translation>Fehler: die falsche Klasse oder ein wahrer Befund, den das Modell nicht erkannt hat.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Save sheet...</source>
        <translation>Übersicht speichern...</translation>
    </message>
    <message>
        <source>Double-click a film to open it in the viewer.</source>
        <translation>Doppelklick öffnet eine Aufnahme im Betrachter.</translation>
    </message>
    <message>
        <source>Save gallery</source>
        <translation>Galerie speichern</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Analysing %1 held-out films...</source>
        <translation>Analysiere %1 zurückgehaltene Aufnahmen...</translation>
    </message>
    <message>
        <source>%1: %2 of %3 held-out films called wrongly. Decision support, not a diagnosis.</source>
        <translation>%1: %2 von %3 zurückgehaltenen Aufnahmen falsch eingeordnet. Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 held-out films with a true finding missed at the pack&apos;s operating points. Decision support, not a diagnosis.</source>
        <translation>%1: bei %2 von %3 zurückgehaltenen Aufnahmen wurde an den Arbeitspunkten des Pakets ein wahrer Befund übersehen. Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) could not be read.</source>
        <translation>
            <numerusform>%n Aufnahme konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Aufnahmen konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing held-out films: %1 of %2...</source>
        <translation>Analysiere zurückgehaltene Aufnahmen: %1 von %2...</translation>
    </message>
</context>
<context>
    <name>hilum::ui::WorklistPanel</name>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>out of scope</source>
        <translation>nicht zuständig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not receiving. Start the storage SCP to triage studies as they arrive, or add retrieved films.</source>
        <translation>Kein Empfang. Starten Sie den Storage-SCP, um Untersuchungen bei Eingang zu triagieren, oder fügen Sie abgerufene Aufnahmen hinzu.</translation>
    </message>
    <message>
        <source>Start receiving</source>
        <translation>Empfang starten</translation>
    </message>
    <message>
        <source>Add films...</source>
        <translation>Aufnahmen hinzufügen...</translation>
    </message>
    <message>
        <source>Ranked by an AI model&apos;s findings: decision support, not a diagnosis.</source>
        <translation>Nach den Befunden eines KI-Modells geordnet: Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Untersuchungsdatum</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Double-click (or Enter) opens the study&apos;s films in the viewer.</source>
        <translation>Doppelklick (oder Eingabe) öffnet die Aufnahmen der Untersuchung im Betrachter.</translation>
    </message>
    <message>
        <source>Folder of DICOM films to triage</source>
        <translation>Ordner mit zu triagierenden DICOM-Aufnahmen</translation>
    </message>
    <message>
        <source>PACS settings: %1</source>
        <translation>PACS-Einstellungen: %1</translation>
    </message>
    <message>
        <source>Opening %1 for the worklist...</source>
        <translation>Öffne %1 für die Arbeitsliste...</translation>
    </message>
    <message>
        <source>Stop receiving</source>
        <translation>Empfang beenden</translation>
    </message>
    <message>
        <source>unlike the films the model was trained on</source>
        <translation>anders als die Aufnahmen, mit denen das Modell trainiert wurde</translation>
    </message>
    <message>
        <source>results not sent: %1</source>
        <translation>Ergebnisse nicht gesendet: %1</translation>
    </message>
    <message>
        <source>analysing...</source>
        <translation>analysiere...</translation>
    </message>
    <message>
        <source>could not analyse</source>
        <translation>Analyse nicht möglich</translation>
    </message>
    <message>
        <source>not ranked</source>
        <translation>nicht eingestuft</translation>
    </message>
    <message>
        <source>sent (%1)</source>
        <translation>gesendet (%1)</translation>
    </message>
    <message>
        <source>NOT sent</source>
        <translation>NICHT gesendet</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>Receiving as %1 on port %2.</source>
        <translation>Empfang als %1 auf Port %2.</translation>
    </message>
    <message>
        <source>Not receiving.</source>
        <translation>Kein Empfang.</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 Untersuchung</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 Untersuchungen</translation>
    </message>
    <message>
        <source>, 1 film waiting for analysis.</source>
        <translation>, 1 Aufnahme wartet auf Analyse.</translation>
    </message>
    <message>
        <source>, %1 films waiting for analysis.</source>
        <translation>, %1 Aufnahmen warten auf Analyse.</translation>
    </message>
    <message>
        <source>Ranked by %1&apos;s findings: decision support, not a diagnosis.</source>
        <translation>Nach den Befunden von %1 geordnet: Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
</context>
</TS>
