<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>truth: %1</source>
        <translation>vérité : %1</translation>
    </message>
    <message>
        <source>no finding</source>
        <translation>aucune anomalie</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>manqué : %1</translation>
    </message>
    <message>
        <source>also called: %1</source>
        <translation>également signalé : %1</translation>
    </message>
    <message>
        <source>model: %1 (%2 %)</source>
        <translation>modèle : %1 (%2 %)</translation>
    </message>
    <message>
        <source>No finding above its operating point</source>
        <translation>Aucune anomalie au-dessus de son seuil de décision</translation>
    </message>
    <message>
        <source>Heatmap: %1</source>
        <translation>Carte de chaleur : %1</translation>
    </message>
    <message>
        <source>Patient: anonymised</source>
        <translation>Patient : anonymisé</translation>
    </message>
    <message>
        <source>Note: the film does not state that its pixels are free of printed identity.</source>
        <translation>Remarque : le cliché n&apos;indique pas que ses pixels sont exempts d&apos;identité incrustée.</translation>
    </message>
    <message>
        <source>Patient: %1    ID: %2    Born: %3    Sex: %4</source>
        <translation>Patient : %1    ID : %2    Né(e) le : %3    Sexe : %4</translation>
    </message>
    <message>
        <source>Study: %1 %2    Accession: %3</source>
        <translation>Examen : %1 %2    N° d’examen : %3</translation>
    </message>
    <message>
        <source>Film: %1 %2 %3    %4 x %5 px    spacing: %6</source>
        <translation>Cliché : %1 %2 %3    %4 x %5 px    espacement : %6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Operating point</source>
        <translation>Seuil de décision</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>above</source>
        <translation>au-dessus</translation>
    </message>
    <message>
        <source>below</source>
        <translation>en dessous</translation>
    </message>
    <message>
        <source>Model %1 %2 on %3; weights sha256 %4</source>
        <translation>Modèle %1 %2 sur %3 ; poids sha256 %4</translation>
    </message>
    <message>
        <source>Out-of-distribution score %1 (threshold %2): %3</source>
        <translation>Score hors distribution %1 (seuil %2) : %3</translation>
    </message>
    <message>
        <source>unlike the model&apos;s training films</source>
        <translation>différent des clichés d&apos;entraînement du modèle</translation>
    </message>
    <message>
        <source>like the model&apos;s training films</source>
        <translation>semblable aux clichés d&apos;entraînement du modèle</translation>
    </message>
    <message>
        <source>Outside the model&apos;s training data: %1. Analysed on explicit request; treat with suspicion.</source>
        <translation>Hors des données d&apos;entraînement du modèle : %1. Analysé sur demande explicite ; à interpréter avec prudence.</translation>
    </message>
    <message>
        <source>Image quality: %1</source>
        <translation>Qualité d&apos;image : %1</translation>
    </message>
    <message>
        <source>%1, %2. %3</source>
        <translation>%1, %2. %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Chest radiograph report</source>
        <translation>Compte rendu de radiographie thoracique</translation>
    </message>
    <message>
        <source>No heatmap shown.</source>
        <translation>Aucune carte de chaleur affichée.</translation>
    </message>
    <message>
        <source> (where the model looked, not an outline of disease)</source>
        <translation> (là où le modèle a regardé, pas le contour d&apos;une lésion)</translation>
    </message>
    <message>
        <source>This film was not analysed.</source>
        <translation>Ce cliché n&apos;a pas été analysé.</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>(none entered)</source>
        <translation>(aucune saisie)</translation>
    </message>
    <message>
        <source>The probabilities above come from the named model and are decision support, not a diagnosis. They were not verified by the model&apos;s makers on this patient; the reading clinician decides.</source>
        <translation>Les probabilités ci-dessus proviennent du modèle nommé et sont une aide à la décision, pas un diagnostic. Elles n&apos;ont pas été vérifiées par les auteurs du modèle pour ce patient ; le médecin qui interprète décide.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>Patient covariates given to the model beside the film: %1</source>
        <translation>Covariables du patient fournies au modèle avec le cliché : %1</translation>
    </message>
    <message>
        <source>The model looked at: %1</source>
        <translation>Le modèle a examiné : %1</translation>
    </message>
</context>
<context>
    <name>hilum::ai::Findings</name>
    <message>
        <source>Decision support only, not a diagnosis.</source>
        <translation>Aide à la décision uniquement, pas un diagnostic.</translation>
    </message>
</context>
<context>
    <name>hilum::report</name>
    <message>
        <source>en</source>
        <comment>language code</comment>
        <extracomment>The ISO 639-1 code of the language of this translation (de, fr). Finding names are looked up with it.</extracomment>
        <translation>fr</translation>
    </message>
    <message>
        <source>detector</source>
        <comment>pixel spacing source</comment>
        <translation>détecteur</translation>
    </message>
    <message>
        <source>calibrated</source>
        <comment>pixel spacing source</comment>
        <translation>calibré</translation>
    </message>
    <message>
        <source>estimated</source>
        <comment>pixel spacing source</comment>
        <translation>estimé</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>pixel spacing source</comment>
        <translation>inconnu</translation>
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
        <translation> (pas d&apos;espacement)</translation>
    </message>
    <message>
        <source>%1 deg</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>no pixels</source>
        <translation>aucun pixel</translation>
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
        <translation>moyenne %1%2 ET %3, %4%5, %6 px</translation>
    </message>
    <message>
        <source>CTR: draw the thoracic width</source>
        <translation>ICT : tracer la largeur thoracique</translation>
    </message>
    <message>
        <source>CTR %1 (heart %2 / thorax %3)</source>
        <translation>ICT %1 (cœur %2 / thorax %3)</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AboutDialog</name>
    <message>
        <source>About Hilum</source>
        <translation>À propos de Hilum</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Hilum %1&lt;/h2&gt;&lt;p&gt;A chest X-ray workstation with on-device AI assist.&lt;/p&gt;&lt;p&gt;&lt;b&gt;AI findings are decision support and teaching aids, not a diagnosis.&lt;/b&gt; Hilum is not a certified medical device.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Hilum %1&lt;/h2&gt;&lt;p&gt;Une station de lecture de radiographies thoraciques avec assistance IA locale.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Les résultats de l&apos;IA sont une aide à la décision et à l&apos;enseignement, pas un diagnostic.&lt;/b&gt; Hilum n&apos;est pas un dispositif médical certifié.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliothèques</translation>
    </message>
    <message>
        <source>This pack has no model card (MODEL_CARD.md): ask whoever made it what it was trained on and how it was measured.</source>
        <translation>Ce paquet n&apos;a pas de fiche de modèle (MODEL_CARD.md) : demandez à ses auteurs sur quoi il a été entraîné et comment il a été évalué.</translation>
    </message>
    <message>
        <source> (in use)</source>
        <translation> (utilisé)</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AnalysisRunner</name>
    <message>
        <source>%1 %2 on %3</source>
        <comment>model name, version, device</comment>
        <translation>%1 %2 sur %3</translation>
    </message>
</context>
<context>
    <name>hilum::ui::AnnotationStore</name>
    <message>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::ExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Exporter le compte rendu</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d&apos;export</translation>
    </message>
    <message>
        <source>Printed at the top of the report</source>
        <translation>Imprimé en tête du compte rendu</translation>
    </message>
    <message>
        <source>Your impression, as it should appear in the report</source>
        <translation>Votre conclusion, telle qu’elle doit figurer dans le compte rendu</translation>
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
        <translation>Anonymiser (profil de base PS3.15 pour le DICOM ; aucune identité dans le PDF et le PNG)</translation>
    </message>
    <message numerus="yes">
        <source>Add the other %n film(s) of the layout to the PDF</source>
        <translation>
            <numerusform>Ajouter l&apos;autre cliché de la disposition au PDF</numerusform>
            <numerusform>Ajouter les %n autres clichés de la disposition au PDF</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Compte rendu PDF</translation>
    </message>
    <message>
        <source>PNG of the film with heatmap and annotations</source>
        <translation>PNG du cliché avec carte de chaleur et annotations</translation>
    </message>
    <message>
        <source>DICOM Secondary Capture (heatmap burned in)</source>
        <translation>DICOM Secondary Capture (carte de chaleur incrustée)</translation>
    </message>
    <message>
        <source>Analyse the film first</source>
        <translation>Analysez d&apos;abord le cliché</translation>
    </message>
    <message>
        <source>DICOM Structured Report of the findings</source>
        <translation>DICOM Structured Report des résultats</translation>
    </message>
    <message>
        <source>DICOM Encapsulated PDF of the report</source>
        <translation>DICOM Encapsulated PDF du compte rendu</translation>
    </message>
    <message>
        <source>DICOM presentation state with the annotations (GSPS)</source>
        <translation>DICOM Presentation State avec les annotations (GSPS)</translation>
    </message>
    <message>
        <source>Needs annotations on a DICOM film</source>
        <translation>Nécessite des annotations sur un cliché DICOM</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nom de fichier</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Export en cours...</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export : %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::FilmView</name>
    <message>
        <source>Open a film with Ctrl+O, or drop one here</source>
        <translation>Ouvrez un cliché avec Ctrl+O ou déposez-le ici</translation>
    </message>
    <message>
        <source>W %1  L %2  zoom %3%%4%5</source>
        <translation>L %1  N %2  zoom %3%%4%5</translation>
    </message>
    <message>
        <source>  inverted</source>
        <translation>  inversé</translation>
    </message>
    <message>
        <source>  rot %1%2</source>
        <translation>  rotation %1%2</translation>
    </message>
    <message>
        <source> flipped</source>
        <translation> retourné</translation>
    </message>
    <message>
        <source>x %1  y %2  value %3</source>
        <translation>x %1  y %2  valeur %3</translation>
    </message>
    <message>
        <source>spacing %1 mm (%2)%3</source>
        <translation>espacement %1 mm (%2)%3</translation>
    </message>
    <message>
        <source>  preview</source>
        <translation>  aperçu</translation>
    </message>
    <message>
        <source>spacing unknown: distances in pixels</source>
        <translation>espacement inconnu : distances en pixels</translation>
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
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Cancel analysis</source>
        <translation>Annuler l&apos;analyse</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>Contour</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>G cycles heatmap, contour and off</source>
        <translation>G alterne entre carte de chaleur, contour et désactivée</translation>
    </message>
    <message>
        <source>All positive findings at once</source>
        <translation>Toutes les anomalies positives à la fois</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>Palette de couleurs</translation>
    </message>
    <message>
        <source>Hide below</source>
        <translation>Masquer en dessous de</translation>
    </message>
    <message>
        <source>A heatmap shows where the model looked, not where the disease is.</source>
        <translation>Une carte de chaleur montre où le modèle a regardé, pas où se trouve la maladie.</translation>
    </message>
    <message>
        <source>Reveal findings (Enter)</source>
        <translation>Révéler les résultats (Entrée)</translation>
    </message>
    <message>
        <source>Analysing...</source>
        <translation>Analyse en cours...</translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <comment>model name, version, device</comment>
        <translation>%1 %2 sur %3</translation>
    </message>
    <message>
        <source>Most likely: %1</source>
        <translation>Le plus probable : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) above their operating point</source>
        <translation>
            <numerusform>%n anomalie au-dessus de son seuil de décision</numerusform>
            <numerusform>%n anomalies au-dessus de leur seuil de décision</numerusform>
        </translation>
    </message>
    <message>
        <source>Findings hidden: read the film first, then reveal them (Enter).</source>
        <translation>Résultats masqués : lisez d&apos;abord le cliché, puis révélez-les (Entrée).</translation>
    </message>
    <message>
        <source>Outside the model&apos;s training data:</source>
        <translation>Hors des données d&apos;entraînement du modèle :</translation>
    </message>
    <message>
        <source>Image quality:</source>
        <translation>Qualité d&apos;image :</translation>
    </message>
    <message>
        <source>Like the model&apos;s training films (out-of-distribution score %1, threshold %2)</source>
        <translation>Semblable aux clichés d&apos;entraînement du modèle (score hors distribution %1, seuil %2)</translation>
    </message>
    <message>
        <source>%1: %2 % (operating point %3 %)</source>
        <translation>%1 : %2 % (seuil de décision %3 %)</translation>
    </message>
    <message>
        <source>
At this threshold on validation films: sensitivity %1 %, specificity %2 %</source>
        <translation>
À ce seuil sur les clichés de validation : sensibilité %1 %, spécificité %2 %</translation>
    </message>
    <message>
        <source>
Outside the model&apos;s training data: treat with suspicion.</source>
        <translation>
Hors des données d&apos;entraînement du modèle : à interpréter avec prudence.</translation>
    </message>
    <message>
        <source>The model read beside the film: %1</source>
        <translation>Le modèle a lu avec le cliché : %1</translation>
    </message>
    <message>
        <source>The model reads patient covariates beside the film; it was given: %1</source>
        <translation>Le modèle lit des covariables du patient avec le cliché ; il a reçu : %1</translation>
    </message>
    <message>
        <source>The model looked at: %1</source>
        <translation>Le modèle a examiné : %1</translation>
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
        <translation>Visionneuse</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Liste de travail</translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation>Résultats de l&apos;IA</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Examens</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) indexed</source>
        <translation>
            <numerusform>%n cliché indexé</numerusform>
            <numerusform>%n clichés indexés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n ignoré</numerusform>
            <numerusform>, %n ignorés</numerusform>
        </translation>
    </message>
    <message>
        <source>Model %1 ready</source>
        <translation>Modèle %1 prêt</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>The model pack could not be loaded: %1</source>
        <translation>Le paquet de modèle n&apos;a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
    <message>
        <source>No model pack found. Choose one under AI &gt; Model.</source>
        <translation>Aucun paquet de modèle trouvé. Choisissez-en un dans IA &gt; Modèle.</translation>
    </message>
    <message>
        <source>Open a film first (a preview is still loading, or nothing is open).</source>
        <translation>Ouvrez d&apos;abord un cliché (un aperçu est encore en cours de chargement, ou rien n&apos;est ouvert).</translation>
    </message>
    <message>
        <source>Hilum - %1</source>
        <translation>Hilum - %1</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>Chargement de %1...</translation>
    </message>
    <message>
        <source>No model loaded: choose a pack under AI &gt; Model.</source>
        <translation>Aucun modèle chargé : choisissez un paquet dans IA &gt; Modèle.</translation>
    </message>
    <message>
        <source>Not analysed automatically: %1.
Press A to analyse anyway; the findings will be marked.</source>
        <translation>Non analysé automatiquement : %1.
Appuyez sur A pour analyser quand même ; les résultats seront signalés.</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Aucun modèle chargé.</translation>
    </message>
    <message>
        <source>Annotations not saved: %1</source>
        <translation>Annotations non enregistrées : %1</translation>
    </message>
    <message>
        <source>Arrow label</source>
        <translation>Légende de la flèche</translation>
    </message>
    <message>
        <source>Text at the arrow&apos;s tail:</source>
        <translation>Texte à la queue de la flèche :</translation>
    </message>
    <message>
        <source>Open films</source>
        <translation>Ouvrir des clichés</translation>
    </message>
    <message>
        <source>Films (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Clichés (*.dcm *.dicom *.png *.jpg *.jpeg *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open folder or DICOMDIR folder</source>
        <translation>Ouvrir un dossier ou un dossier DICOMDIR</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Ouverture de %1...</translation>
    </message>
    <message>
        <source>Stored annotations unreadable: %1</source>
        <translation>Annotations enregistrées illisibles : %1</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <source>Cannot open film</source>
        <translation>Impossible d&apos;ouvrir le cliché</translation>
    </message>
    <message>
        <source>%1 x %2 mm (%3)</source>
        <translation>%1 x %2 mm (%3)</translation>
    </message>
    <message>
        <source>spacing unknown</source>
        <translation>espacement inconnu</translation>
    </message>
    <message>
        <source>%1  %2  %3 x %4  %5  %6</source>
        <translation>%1  %2  %3 x %4  %5  %6</translation>
    </message>
    <message>
        <source>  film %1 of %2</source>
        <translation>  cliché %1 sur %2</translation>
    </message>
    <message>
        <source>  (preview, loading full resolution...)</source>
        <translation>  (aperçu, chargement de la pleine résolution...)</translation>
    </message>
    <message>
        <source>W %1 / L %2</source>
        <translation>L %1 / N %2</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Déplacer</translation>
    </message>
    <message>
        <source>&amp;Window/level (left drag)</source>
        <translation>&amp;Fenêtrage (glisser à gauche)</translation>
    </message>
    <message>
        <source>&amp;Distance</source>
        <translation>&amp;Distance</translation>
    </message>
    <message>
        <source>A&amp;ngle</source>
        <translation>&amp;Angle</translation>
    </message>
    <message>
        <source>&amp;Rectangle ROI</source>
        <translation>ROI &amp;rectangulaire</translation>
    </message>
    <message>
        <source>&amp;Ellipse ROI</source>
        <translation>ROI &amp;elliptique</translation>
    </message>
    <message>
        <source>&amp;Arrow with text</source>
        <translation>&amp;Flèche avec texte</translation>
    </message>
    <message>
        <source>&amp;Cardiothoracic ratio</source>
        <translation>Index &amp;cardiothoracique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open films...</source>
        <translation>&amp;Ouvrir des clichés...</translation>
    </message>
    <message>
        <source>Open &amp;folder or DICOMDIR...</source>
        <translation>Ouvrir un &amp;dossier ou DICOMDIR...</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Récents</translation>
    </message>
    <message>
        <source>&amp;Next film</source>
        <translation>Cliché &amp;suivant</translation>
    </message>
    <message>
        <source>Pre&amp;vious film</source>
        <translation>Cliché &amp;précédent</translation>
    </message>
    <message>
        <source>DICOM &amp;tags...</source>
        <translation>Balises DICOM (&amp;tags)...</translation>
    </message>
    <message>
        <source>&amp;Import annotations from a presentation state...</source>
        <translation>&amp;Importer les annotations d&apos;un presentation state...</translation>
    </message>
    <message>
        <source>DICOM presentation state (GSPS)</source>
        <translation>DICOM Presentation State (GSPS)</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>Fichiers DICOM (*.dcm);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) imported</source>
        <translation>
            <numerusform>%n annotation importée</numerusform>
            <numerusform>%n annotations importées</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export report, PNG, DICOM...</source>
        <translation>&amp;Exporter compte rendu, PNG, DICOM...</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Paramètres...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;AI</source>
        <translation>&amp;IA</translation>
    </message>
    <message>
        <source>&amp;Analyse film</source>
        <translation>&amp;Analyser le cliché</translation>
    </message>
    <message>
        <source>Analyse on &amp;open</source>
        <translation>Analyser à l&apos;&amp;ouverture</translation>
    </message>
    <message>
        <source>Heatmap / contour / off</source>
        <translation>Carte de chaleur / contour / désactivée</translation>
    </message>
    <message>
        <source>All &amp;positive findings at once</source>
        <translation>Toutes les anomalies &amp;positives à la fois</translation>
    </message>
    <message>
        <source>&amp;Reveal findings (teaching quiz)</source>
        <translation>Révéler les &amp;résultats (quiz)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;PACS</source>
        <translation>&amp;PACS</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve...</source>
        <translation>&amp;Rechercher/Récupérer...</translation>
    </message>
    <message>
        <source>&amp;Send current film...</source>
        <translation>&amp;Envoyer le cliché courant...</translation>
    </message>
    <message>
        <source>Open a film first.</source>
        <translation>Ouvrez d&apos;abord un cliché.</translation>
    </message>
    <message>
        <source>only DICOM films can be sent to a PACS</source>
        <translation>seuls les clichés DICOM peuvent être envoyés à un PACS</translation>
    </message>
    <message>
        <source>Send &amp;AI result...</source>
        <translation>Envoyer le résultat de l&apos;&amp;IA...</translation>
    </message>
    <message>
        <source>Analyse a film first (A): there is no AI result to send.</source>
        <translation>Analysez d&apos;abord un cliché (A) : il n&apos;y a aucun résultat d&apos;IA à envoyer.</translation>
    </message>
    <message>
        <source>PACS se&amp;ttings...</source>
        <translation>&amp;Paramètres PACS...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Hilum</source>
        <translation>&amp;À propos de Hilum</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>&amp;Inverser</translation>
    </message>
    <message>
        <source>Rotate &amp;right</source>
        <translation>Pivoter à &amp;droite</translation>
    </message>
    <message>
        <source>Rotate &amp;left</source>
        <translation>Pivoter à &amp;gauche</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>Retourner &amp;horizontalement</translation>
    </message>
    <message>
        <source>Flip &amp;vertically</source>
        <translation>Retourner &amp;verticalement</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;One film pixel per screen pixel</source>
        <translation>&amp;Un pixel du cliché par pixel écran</translation>
    </message>
    <message>
        <source>Reset &amp;window</source>
        <translation>Réinitialiser le &amp;fenêtrage</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>&amp;Réinitialiser l&apos;affichage</translation>
    </message>
    <message>
        <source>&amp;Magnifier</source>
        <translation>&amp;Loupe</translation>
    </message>
    <message>
        <source>Corner &amp;overlays</source>
        <translation>Informations aux &amp;coins</translation>
    </message>
    <message>
        <source>Window &amp;presets</source>
        <translation>&amp;Préréglages de fenêtre</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
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
        <translation>&amp;Lier les vues</translation>
    </message>
    <message>
        <source>&amp;Heatmap beside film</source>
        <translation>&amp;Carte de chaleur à côté du cliché</translation>
    </message>
    <message>
        <source>&amp;Teaching mode (identity hidden, full screen)</source>
        <translation>Mode &amp;enseignement (identité masquée, plein écran)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Remove &amp;last annotation</source>
        <translation>Supprimer la &amp;dernière annotation</translation>
    </message>
    <message>
        <source>&amp;Clear annotations on this film</source>
        <translation>Effa&amp;cer les annotations de ce cliché</translation>
    </message>
    <message>
        <source>Open pack folder...</source>
        <translation>Ouvrir un dossier de paquet...</translation>
    </message>
    <message>
        <source>Model pack folder</source>
        <translation>Dossier de paquet de modèle</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open films / a folder or DICOMDIR&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page Down&lt;/b&gt; / &lt;b&gt;Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next / previous film (arrows in teaching mode)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right-drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;window (horizontal) and level (vertical)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1 - 9&lt;/b&gt;, &lt;b&gt;Shift+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;window presets, reset window&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;invert&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt; / &lt;b&gt;L&lt;/b&gt;, &lt;b&gt;H&lt;/b&gt; / &lt;b&gt;V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;rotate right / left, flip horizontally / vertically&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;drop the measurement being drawn, else reset the view&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Wheel&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt; / &lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fit / one film pixel per screen pixel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;M&lt;/b&gt;, &lt;b&gt;O&lt;/b&gt;, &lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;magnifier, corner overlays, lung outline (model)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pan tool, window/level tool (left drag)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;D&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt;, &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;distance, angle, rectangle ROI, ellipse ROI&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;arrow with text, cardiothoracic ratio (heart width, then thorax)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;remove the last annotation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+1 / 2 / 4&lt;/b&gt;, &lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;layouts 1x1 / 1x2 / 2x2, link views&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;heatmap beside the film&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt;, &lt;b&gt;Shift+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;analyse, heatmap / contour / off, all positive findings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reveal findings (teaching quiz)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;, &lt;b&gt;Ctrl+,&lt;/b&gt;, &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;DICOM tags, settings, export report / PNG / DICOM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;PACS query/retrieve&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;teaching mode&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt; / &lt;b&gt;Ctrl+Maj+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;ouvrir des clichés / un dossier ou DICOMDIR&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page suiv.&lt;/b&gt; / &lt;b&gt;Page préc.&lt;/b&gt;&lt;/td&gt;&lt;td&gt;cliché suivant / précédent (flèches en mode enseignement)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Glisser (bouton droit)&lt;/b&gt;&lt;/td&gt;&lt;td&gt;largeur (horizontal) et niveau (vertical) de fenêtre&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1 - 9&lt;/b&gt;, &lt;b&gt;Maj+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;préréglages de fenêtre, réinitialiser le fenêtrage&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;I&lt;/b&gt;&lt;/td&gt;&lt;td&gt;inverser&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt; / &lt;b&gt;L&lt;/b&gt;, &lt;b&gt;H&lt;/b&gt; / &lt;b&gt;V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pivoter à droite / à gauche, retourner horizontalement / verticalement&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Échap&lt;/b&gt;&lt;/td&gt;&lt;td&gt;abandonner la mesure en cours, sinon réinitialiser l&apos;affichage&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Molette&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;-&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Espace&lt;/b&gt; / &lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;ajuster / un pixel du cliché par pixel écran&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;M&lt;/b&gt;, &lt;b&gt;O&lt;/b&gt;, &lt;b&gt;U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;loupe, informations aux coins, contour des poumons (modèle)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;outil déplacer, outil fenêtrage (glisser à gauche)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;D&lt;/b&gt;, &lt;b&gt;N&lt;/b&gt;, &lt;b&gt;B&lt;/b&gt;, &lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;distance, angle, ROI rectangulaire, ROI elliptique&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;flèche avec texte, index cardiothoracique (largeur du cœur, puis du thorax)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Retour arrière&lt;/b&gt;&lt;/td&gt;&lt;td&gt;supprimer la dernière annotation&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+1 / 2 / 4&lt;/b&gt;, &lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;dispositions 1x1 / 1x2 / 2x2, lier les vues&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Maj+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;carte de chaleur à côté du cliché&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;, &lt;b&gt;G&lt;/b&gt;, &lt;b&gt;Maj+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;analyser, carte de chaleur / contour / désactivée, toutes les anomalies positives&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Entrée&lt;/b&gt;&lt;/td&gt;&lt;td&gt;révéler les résultats (quiz)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;, &lt;b&gt;Ctrl+,&lt;/b&gt;, &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;balises DICOM, paramètres, exporter compte rendu / PNG / DICOM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Maj+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;PACS rechercher/récupérer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;mode enseignement&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 was not loaded: it is a TorchScript pack from outside Hilum&apos;s model folders, and you chose not to run it.</source>
        <translation>%1 n&apos;a pas été chargé : c&apos;est un paquet TorchScript venant d&apos;ailleurs que les dossiers de modèles de Hilum, et vous avez choisi de ne pas l&apos;exécuter.</translation>
    </message>
    <message>
        <source>Run a TorchScript model pack?</source>
        <translation>Exécuter un paquet de modèle TorchScript ?</translation>
    </message>
    <message>
        <source>The model pack in
%1
is TorchScript from outside Hilum&apos;s model folders. Loading it runs the program it contains with your rights: it could read, change or send anything you can.

Run it only if you trust where it came from. Hilum remembers your answer for this pack.</source>
        <translation>Le paquet de modèle dans
%1
est du TorchScript venant d&apos;ailleurs que les dossiers de modèles de Hilum. Le charger exécute le programme qu&apos;il contient avec vos droits : il pourrait lire, modifier ou envoyer tout ce à quoi vous avez accès.

Ne l&apos;exécutez que si vous faites confiance à sa provenance. Hilum retient votre réponse pour ce paquet.</translation>
    </message>
    <message>
        <source>L&amp;ung outline (model)</source>
        <translation>Contour des po&amp;umons (modèle)</translation>
    </message>
    <message>
        <source>Lungs: %1 (model outline)</source>
        <translation>Poumons : %1 (contour du modèle)</translation>
    </message>
    <message>
        <source>No lung field found on this film.</source>
        <translation>Aucun champ pulmonaire trouvé sur ce cliché.</translation>
    </message>
    <message>
        <source>Lung outline unavailable: %1</source>
        <translation>Contour des poumons indisponible : %1</translation>
    </message>
</context>
<context>
    <name>hilum::ui::Pacs</name>
    <message>
        <source>No PACS node: add one in PACS settings</source>
        <translation>Aucun nœud PACS : ajoutez-en un dans les paramètres PACS</translation>
    </message>
</context>
<context>
    <name>hilum::ui::PacsSettingsDialog</name>
    <message>
        <source>e.g. Main PACS</source>
        <translation>p. ex. PACS principal</translation>
    </message>
    <message>
        <source>the PACS&apos;s AE title, e.g. ORTHANC</source>
        <translation>titre AE du PACS, p. ex. ORTHANC</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>nom d&apos;hôte ou adresse IP</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;AE title:</source>
        <translation>Titre &amp;AE :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>The node needs a name.</source>
        <translation>Le nœud doit avoir un nom.</translation>
    </message>
    <message>
        <source>A node named &apos;%1&apos; already exists.</source>
        <translation>Un nœud nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>The node needs a host.</source>
        <translation>Le nœud doit avoir un hôte.</translation>
    </message>
    <message>
        <source>PACS settings</source>
        <translation>Paramètres PACS</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>Titre AE</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
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
        <translation>&amp;Ajouter...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Modifier...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Test (C-ECHO)</source>
        <translation>&amp;Tester (C-ECHO)</translation>
    </message>
    <message>
        <source>Add PACS node</source>
        <translation>Ajouter un nœud PACS</translation>
    </message>
    <message>
        <source>PACS nodes</source>
        <translation>Nœuds PACS</translation>
    </message>
    <message>
        <source>The calling AE title of every association; the PACS must know it for C-MOVE.</source>
        <translation>Le titre AE appelant de chaque association ; le PACS doit le connaître pour le C-MOVE.</translation>
    </message>
    <message>
        <source>Receive studies (storage SCP)</source>
        <translation>Recevoir des examens (SCP de stockage)</translation>
    </message>
    <message>
        <source>Listen on all interfaces (otherwise only this computer, 127.0.0.1)</source>
        <translation>Écouter sur toutes les interfaces (sinon uniquement cet ordinateur, 127.0.0.1)</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Ce poste de travail</translation>
    </message>
    <message>
        <source>Our &amp;AE title:</source>
        <translation>Notre titre &amp;AE :</translation>
    </message>
    <message>
        <source>SCP &amp;port:</source>
        <translation>&amp;Port SCP :</translation>
    </message>
    <message>
        <source>Local &amp;store:</source>
        <translation>&amp;Stockage local :</translation>
    </message>
    <message>
        <source>e.g. Pneumothorax=3,Effusion=1.5</source>
        <translation>p. ex. Pneumothorax=3,Effusion=1.5</translation>
    </message>
    <message>
        <source>Weight per finding: the worklist ranks studies by weight x probability.</source>
        <translation>Poids par anomalie : la liste de travail classe les examens par poids x probabilité.</translation>
    </message>
    <message>
        <source>AI triage worklist</source>
        <translation>Liste de travail de tri par IA</translation>
    </message>
    <message>
        <source>Send &amp;results (SR + SC) to:</source>
        <translation>Envoyer les &amp;résultats (SR + SC) à :</translation>
    </message>
    <message>
        <source>&amp;Priorities:</source>
        <translation>&amp;Priorités :</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>%1
The settings below are the defaults; saving replaces the file.</source>
        <translation>%1
Les paramètres ci-dessous sont les valeurs par défaut ; enregistrer remplace le fichier.</translation>
    </message>
    <message>
        <source>Unticked, the SCP keeps listening on %1 as configured.</source>
        <translation>Décoché, le SCP continue d&apos;écouter sur %1 comme configuré.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>C-ECHO: is the node there and does it accept us?</source>
        <translation>C-ECHO : le nœud est-il joignable et nous accepte-t-il ?</translation>
    </message>
    <message>
        <source>Edit PACS node</source>
        <translation>Modifier le nœud PACS</translation>
    </message>
    <message>
        <source>Keep results local</source>
        <translation>Garder les résultats en local</translation>
    </message>
    <message>
        <source>testing...</source>
        <translation>test en cours...</translation>
    </message>
    <message>
        <source>OK (%1 ms)</source>
        <translation>OK (%1 ms)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Local store for retrieved and received studies</source>
        <translation>Stockage local des examens récupérés et reçus</translation>
    </message>
</context>
<context>
    <name>hilum::ui::QueryRetrieveDialog</name>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Query/Retrieve</source>
        <translation>Rechercher/Récupérer</translation>
    </message>
    <message>
        <source>PACS &amp;settings...</source>
        <translation>&amp;Paramètres PACS...</translation>
    </message>
    <message>
        <source>DOE^JANE, or DOE* (* and ? match anything)</source>
        <translation>DUPONT^MARIE, ou DUPONT* (* et ? remplacent tout)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Modalities in study, comma separated; empty for any.</source>
        <translation>Modalités de l&apos;examen, séparées par des virgules ; vide pour toutes.</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud :</translation>
    </message>
    <message>
        <source>Study &amp;date:</source>
        <translation>&amp;Date d&apos;examen :</translation>
    </message>
    <message>
        <source>Patient &amp;name:</source>
        <translation>&amp;Nom du patient :</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>&amp;ID patient :</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalité :</translation>
    </message>
    <message>
        <source>A&amp;ccession:</source>
        <translation>N° d’e&amp;xamen :</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation>Ré&amp;cupérer</translation>
    </message>
    <message>
        <source>C-GET the selected studies into the local store</source>
        <translation>Récupérer par C-GET les examens sélectionnés dans le stockage local</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d’examen</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>No PACS node is configured: add one with PACS settings.</source>
        <translation>Aucun nœud PACS configuré : ajoutez-en un dans les paramètres PACS.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Annulation...</translation>
    </message>
    <message>
        <source>The study date range ends before it starts.</source>
        <translation>La plage de dates se termine avant de commencer.</translation>
    </message>
    <message>
        <source>%1 found so far...</source>
        <translation>%1 trouvé(s) jusqu’ici...</translation>
    </message>
    <message>
        <source>Searching %1...</source>
        <translation>Recherche sur %1...</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <source>1 study found on %1.</source>
        <translation>1 examen trouvé sur %1.</translation>
    </message>
    <message>
        <source>%1 studies found on %2.</source>
        <translation>%1 examens trouvés sur %2.</translation>
    </message>
    <message>
        <source>Select the studies to retrieve.</source>
        <translation>Sélectionnez les examens à récupérer.</translation>
    </message>
    <message>
        <source>Retrieving %1 from %2...</source>
        <translation>Récupération de %1 depuis %2...</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 examen</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 examens</translation>
    </message>
    <message>
        <source>%1 stored, %2 already in the store, %3 failed.</source>
        <translation>%1 enregistré(s), %2 déjà présent(s), %3 en échec.</translation>
    </message>
    <message>
        <source>Retrieve cancelled: </source>
        <translation>Récupération annulée : </translation>
    </message>
    <message>
        <source> What arrived is kept.</source>
        <translation> Ce qui est arrivé est conservé.</translation>
    </message>
    <message>
        <source>Retrieved %1 into %2: </source>
        <translation>%1 récupéré(s) dans %2 : </translation>
    </message>
    <message>
        <source>%1 of %2 instances</source>
        <translation>%1 instances sur %2</translation>
    </message>
    <message>
        <source>Study %1 of %2: %3 of %4 instances</source>
        <translation>Examen %1 sur %2 : %3 instances sur %4</translation>
    </message>
</context>
<context>
    <name>hilum::ui::SendDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>&amp;Add files...</source>
        <translation>&amp;Ajouter des fichiers...</translation>
    </message>
    <message>
        <source>For example the DICOM report objects File &gt; Export wrote (SC, SR, PDF)</source>
        <translation>Par exemple les objets DICOM du compte rendu écrits par Fichier &gt; Exporter (SC, SR, PDF)</translation>
    </message>
    <message>
        <source>DICOM files to send</source>
        <translation>Fichiers DICOM à envoyer</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>Fichiers DICOM (*.dcm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud :</translation>
    </message>
    <message>
        <source>No PACS node is configured: add one with PACS settings.</source>
        <translation>Aucun nœud PACS configuré : ajoutez-en un dans les paramètres PACS.</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Annulation...</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Sending %1 to %2...</source>
        <translation>Envoi de %1 à %2...</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 fichier</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 fichiers</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>Send cancelled.</source>
        <translation>Envoi annulé.</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source> (warning: %1)</source>
        <translation> (avertissement : %1)</translation>
    </message>
    <message>
        <source>%1: %2 stored, %3 failed.</source>
        <translation>%1 : %2 enregistré(s), %3 en échec.</translation>
    </message>
</context>
<context>
    <name>hilum::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Analyse each film when it opens</source>
        <translation>Analyser chaque cliché à l&apos;ouverture</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>Contour</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Link zoom, pan and window across views</source>
        <translation>Lier zoom, déplacement et fenêtrage entre les vues</translation>
    </message>
    <message>
        <source>Show corner overlays</source>
        <translation>Afficher les informations aux coins</translation>
    </message>
    <message>
        <source>Teaching mode hides findings until revealed</source>
        <translation>Le mode enseignement masque les résultats jusqu&apos;à leur révélation</translation>
    </message>
    <message>
        <source>A folder with one sub-folder per model pack</source>
        <translation>Un dossier avec un sous-dossier par paquet de modèle</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Model pack folder</source>
        <translation>Dossier de paquet de modèle</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Système (%1)</translation>
    </message>
    <message>
        <source>A new language applies when Hilum next starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Hilum.</translation>
    </message>
    <message>
        <source>Heatmap display</source>
        <translation>Affichage de la carte de chaleur</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>Palette de couleurs</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>Opacité de la carte de chaleur</translation>
    </message>
    <message>
        <source>Hide activation below</source>
        <translation>Masquer l&apos;activation en dessous de</translation>
    </message>
    <message>
        <source>Your model packs</source>
        <translation>Vos paquets de modèles</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>hilum::ui::StudyBrowser</name>
    <message>
        <source>Open a folder or DICOMDIR with Ctrl+Shift+O</source>
        <translation>Ouvrez un dossier ou un DICOMDIR avec Ctrl+Maj+O</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Indexing %1...</source>
        <translation>Indexation de %1...</translation>
    </message>
    <message>
        <source>Indexing: %1 of %2 files...</source>
        <translation>Indexation : %1 fichiers sur %2...</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Patient %1</translation>
    </message>
    <message>
        <source>(no patient identity)</source>
        <translation>(aucune identité patient)</translation>
    </message>
    <message>
        <source>(study)</source>
        <translation>(examen)</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message numerus="yes">
        <source>  (%n film(s))</source>
        <translation>
            <numerusform>  (%n cliché)</numerusform>
            <numerusform>  (%n clichés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n cliché</numerusform>
            <numerusform>%n clichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s) skipped</source>
        <translation>
            <numerusform>, %n fichier ignoré</numerusform>
            <numerusform>, %n fichiers ignorés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hilum::ui::TagBrowser</name>
    <message>
        <source>DICOM attributes</source>
        <translation>Attributs DICOM</translation>
    </message>
    <message>
        <source>Search tag, keyword or value</source>
        <translation>Rechercher une balise, un mot-clé ou une valeur</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>hilum::ui::TrainingTab</name>
    <message>
        <source>labels CSV (NIH style or image,label,patient columns)</source>
        <translation>CSV des étiquettes (format NIH ou colonnes image,label,patient)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Labels CSV</source>
        <translation>CSV des étiquettes</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Choose a CSV to see its labels and split.</source>
        <translation>Choisissez un CSV pour voir ses étiquettes et la répartition.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Clichés</translation>
    </message>
    <message>
        <source>rotation, scale, shift, brightness/contrast/gamma, noise (no flips)</source>
        <translation>rotation, échelle, décalage, luminosité/contraste/gamma, bruit (sans retournement)</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Input size (px)</source>
        <translation>Taille d&apos;entrée (px)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentation</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Dossier de l&apos;entraînement</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open pack in viewer</source>
        <translation>Ouvrir le paquet dans la visionneuse</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>validation mean AUC</source>
        <translation>AUC moyenne de validation</translation>
    </message>
    <message>
        <source>validation mean PR-AUC</source>
        <translation>PR-AUC moyenne de validation</translation>
    </message>
    <message>
        <source>learning rate (x1000)</source>
        <translation>taux d&apos;apprentissage (x1000)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Validation AUC, PR-AUC and learning rate</source>
        <translation>AUC et PR-AUC de validation, taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>ROC on the test patients</source>
        <translation>ROC sur les patients de test</translation>
    </message>
    <message>
        <source>1 - specificity</source>
        <translation>1 - spécificité</translation>
    </message>
    <message>
        <source>Calibration on validation films</source>
        <translation>Calibration sur les clichés de validation</translation>
    </message>
    <message>
        <source>predicted probability</source>
        <translation>probabilité prédite</translation>
    </message>
    <message>
        <source>observed frequency</source>
        <translation>fréquence observée</translation>
    </message>
    <message>
        <source>Test AUC</source>
        <translation>AUC de test</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Résultats de test</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Training %1 on %2...</source>
        <translation>Entraînement de %1 sur %2...</translation>
    </message>
    <message>
        <source>epoch %1/%2  batch %v/%m</source>
        <translation>époque %1/%2  lot %v/%m</translation>
    </message>
    <message>
        <source>Best epoch %1; test mean AUC %2. Pack: %3</source>
        <translation>Meilleure époque %1 ; AUC moyenne de test %2. Paquet : %3</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>idéale</translation>
    </message>
    <message>
        <source>before (ECE %1)</source>
        <translation>avant (ECE %1)</translation>
    </message>
    <message>
        <source>after (ECE %1)</source>
        <translation>après (ECE %1)</translation>
    </message>
    <message>
        <source>Calibrated on the validation films: mean ECE %1 -&gt; %2</source>
        <translation>Calibré sur les clichés de validation : ECE moyenne %1 -&gt; %2</translation>
    </message>
    <message>
        <source>Cancelling after this batch; Resume continues from the last finished epoch.</source>
        <translation>Annulation après ce lot ; Reprendre continue depuis la dernière époque terminée.</translation>
    </message>
    <message>
        <source>epoch %1: loss %2 / %3, mean AUC %4, mean PR-AUC %5%6</source>
        <translation>époque %1 : perte %2 / %3, AUC moyenne %4, PR-AUC moyenne %5%6</translation>
    </message>
    <message>
        <source>  (best)</source>
        <translation>  (meilleure)</translation>
    </message>
    <message>
        <source>patient age, sex and view from the CSV, beside the film</source>
        <translation>âge, sexe et incidence du patient tirés du CSV, avec le cliché</translation>
    </message>
    <message>
        <source>The pack then reads them from each film&apos;s DICOM header when it analyses; a film without them is analysed with them marked unknown.</source>
        <translation>Le paquet les lit alors dans l&apos;en-tête DICOM de chaque cliché lors de l&apos;analyse ; un cliché qui ne les porte pas est analysé avec la mention « inconnu ».</translation>
    </message>
    <message>
        <source>Covariates</source>
        <translation>Covariables</translation>
    </message>
    <message>
        <source>%1 films, %2 labels. Patient split: %3 training, %4 validation, %5 test. Age known for %6 films, sex for %7, view (PA/AP) for %8.</source>
        <translation>%1 clichés, %2 étiquettes. Répartition par patient : %3 entraînement, %4 validation, %5 test. Âge connu pour %6 clichés, sexe pour %7, incidence (PA/AP) pour %8.</translation>
    </message>
    <message>
        <source>crop every film to its lungs before the model sees it</source>
        <translation>recadrer chaque cliché sur ses poumons avant que le modèle ne le voie</translation>
    </message>
    <message>
        <source>The lung segmentation pack %1 finds each film&apos;s lungs; the model learns from and later analyses their box alone, so burned-in labels and markers outside cannot teach it a shortcut.</source>
        <translation>Le paquet de segmentation pulmonaire %1 trouve les poumons de chaque cliché ; le modèle apprend puis analyse leur seul cadre, si bien que les étiquettes et marqueurs incrustés à l&apos;extérieur ne peuvent pas lui enseigner de raccourci.</translation>
    </message>
    <message>
        <source>No lung segmentation pack is installed.</source>
        <translation>Aucun paquet de segmentation pulmonaire n&apos;est installé.</translation>
    </message>
    <message>
        <source>Lung crop</source>
        <translation>Recadrage pulmonaire</translation>
    </message>
</context>
<context>
    <name>hilum::ui::ValidationGallery</name>
    <message>
        <source>After a run, the test films appear here with the model&apos;s calls, mistakes first.</source>
        <translation>Après un entraînement, les clichés de test apparaissent ici avec les réponses du modèle, erreurs en premier.</translation>
    </message>
    <message>
        <source>All films</source>
        <translation>Tous les clichés</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Correct calls</source>
        <translation>Réponses correctes</translation>
    </message>
    <message>
        <source>Mistakes: the wrong class, or a true finding the model did not call.</source>
        <translation>Erreurs : la mauvaise classe, ou une anomalie réelle que le modèle n&apos;a pas signalée.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Save sheet...</source>
        <translation>Enregistrer la planche...</translation>
    </message>
    <message>
        <source>Double-click a film to open it in the viewer.</source>
        <translation>Double-cliquez sur un cliché pour l’ouvrir dans la visionneuse.</translation>
    </message>
    <message>
        <source>Save gallery</source>
        <translation>Enregistrer la galerie</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Analysing %1 held-out films...</source>
        <translation>Analyse de %1 clichés réservés au test...</translation>
    </message>
    <message>
        <source>%1: %2 of %3 held-out films called wrongly. Decision support, not a diagnosis.</source>
        <translation>%1 : %2 clichés réservés au test sur %3 mal classés. Aide à la décision, pas un diagnostic.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 held-out films with a true finding missed at the pack&apos;s operating points. Decision support, not a diagnosis.</source>
        <translation>%1 : sur %2 des %3 clichés réservés au test, une anomalie réelle a été manquée aux seuils de décision du paquet. Aide à la décision, pas un diagnostic.</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) could not be read.</source>
        <translation>
            <numerusform>%n cliché n&apos;a pas pu être lu.</numerusform>
            <numerusform>%n clichés n&apos;ont pas pu être lus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing held-out films: %1 of %2...</source>
        <translation>Analyse des clichés réservés au test : %1 sur %2...</translation>
    </message>
</context>
<context>
    <name>hilum::ui::WorklistPanel</name>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>out of scope</source>
        <translation>hors champ</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Not receiving. Start the storage SCP to triage studies as they arrive, or add retrieved films.</source>
        <translation>Pas de réception. Démarrez le SCP de stockage pour trier les examens à leur arrivée, ou ajoutez des clichés récupérés.</translation>
    </message>
    <message>
        <source>Start receiving</source>
        <translation>Démarrer la réception</translation>
    </message>
    <message>
        <source>Add films...</source>
        <translation>Ajouter des clichés...</translation>
    </message>
    <message>
        <source>Ranked by an AI model&apos;s findings: decision support, not a diagnosis.</source>
        <translation>Classé selon les résultats d&apos;un modèle d&apos;IA : aide à la décision, pas un diagnostic.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date d&apos;examen</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d’examen</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Clichés</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Double-click (or Enter) opens the study&apos;s films in the viewer.</source>
        <translation>Un double-clic (ou Entrée) ouvre les clichés de l&apos;examen dans la visionneuse.</translation>
    </message>
    <message>
        <source>Folder of DICOM films to triage</source>
        <translation>Dossier de clichés DICOM à trier</translation>
    </message>
    <message>
        <source>PACS settings: %1</source>
        <translation>Paramètres PACS : %1</translation>
    </message>
    <message>
        <source>Opening %1 for the worklist...</source>
        <translation>Ouverture de %1 pour la liste de travail...</translation>
    </message>
    <message>
        <source>Stop receiving</source>
        <translation>Arrêter la réception</translation>
    </message>
    <message>
        <source>unlike the films the model was trained on</source>
        <translation>différent des clichés d&apos;entraînement du modèle</translation>
    </message>
    <message>
        <source>results not sent: %1</source>
        <translation>résultats non envoyés : %1</translation>
    </message>
    <message>
        <source>analysing...</source>
        <translation>analyse en cours...</translation>
    </message>
    <message>
        <source>could not analyse</source>
        <translation>analyse impossible</translation>
    </message>
    <message>
        <source>not ranked</source>
        <translation>non classé</translation>
    </message>
    <message>
        <source>sent (%1)</source>
        <translation>envoyé (%1)</translation>
    </message>
    <message>
        <source>NOT sent</source>
        <translation>NON envoyé</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>Receiving as %1 on port %2.</source>
        <translation>Réception en tant que %1 sur le port %2.</translation>
    </message>
    <message>
        <source>Not receiving.</source>
        <translation>Pas de réception.</translation>
    </message>
    <message>
        <source>1 study</source>
        <translation>1 examen</translation>
    </message>
    <message>
        <source>%1 studies</source>
        <translation>%1 examens</translation>
    </message>
    <message>
        <source>, 1 film waiting for analysis.</source>
        <translation>, 1 cliché en attente d’analyse.</translation>
    </message>
    <message>
        <source>, %1 films waiting for analysis.</source>
        <translation>, %1 clichés en attente d’analyse.</translation>
    </message>
    <message>
        <source>Ranked by %1&apos;s findings: decision support, not a diagnosis.</source>
        <translation>Classé selon les résultats de %1 : aide à la décision, pas un diagnostic.</translation>
    </message>
</context>
</TS>
