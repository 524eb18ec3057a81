"""Word banks for synthetic references: names from several languages, title words, journals,
publishers, thesis kinds. Invented combinations of common words; no real reference is copied."""

from __future__ import annotations

FAMILY = {
    "fr": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia "
          "David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François "
          "Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu "
          "Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire "
          "Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie "
          "Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud",
    "en": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Thompson "
          "Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell "
          "Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan "
          "Cooper Peterson Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes "
          "Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Barnes",
    "de": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein "
          "Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Lehmann "
          "Köhler Maier Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn",
    "it": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano "
          "Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini",
    "es": "González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno "
          "Álvarez Muñoz Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco",
    "asia": "Nguyen Tran Le Pham Hoang Chea Sok Heng Chan Lim Kim Park Lee Wang Li Zhang Liu Chen Yang Huang Zhao Wu "
            "Zhou Xu Sun Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Singh Kumar Sharma Gupta",
    "other": "Nowak Kowalski Novák Horváth Popescu Ivanov Petrov Smirnov Jansen Visser Andersson Johansson Nielsen "
             "Hansen Korhonen Yilmaz Kaya Haddad Mansour Khalil Cohen Levy Mizrahi Okafor Mensah Diallo Traoré",
}  # fmt: skip
GIVEN = {
    "fr": "Jean Marie Pierre Michel Philippe Alain Nicolas Christophe Sophie Catherine Isabelle Nathalie Anne Claire "
          "Jean-Pierre Marie-Claude Jean-François Hélène Étienne Françoise Jacques Bernard Élise Louis Thérèse Yves",
    "en": "James John Robert Michael William David Richard Mary Patricia Jennifer Linda Elizabeth Barbara Susan "
          "Jessica Sarah Karen Thomas Charles Christopher Daniel Matthew Anthony Margaret Emily Andrew Joshua Alice",
    "de": "Peter Michael Thomas Andreas Wolfgang Klaus Jürgen Günter Stefan Ursula Monika Petra Sabine Renate Jörg",
    "it": "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Maria Anna Giuseppina Rosa Lucia Carla",
    "es": "José Antonio Manuel Francisco Juan David Carmen Josefa Isabel Dolores Pilar Teresa Ana Cristina Alejandro",
    "asia": "Minh Thanh Hoa Sophal Sothea Dara Vanna Wei Jing Hui Yuki Hiroshi Akira Ji-woo Min-jun Raj Priya Anil",
    "other": "Jan Piotr Anna Ivan Olga Lars Erik Ingrid Mehmet Ayşe Omar Fatima Yosef Chinedu Aminata Kwame",
}  # fmt: skip
PARTICLES = ("de", "van", "van der", "von", "da", "di", "del", "du", "van den", "de la")
ORGANISATIONS = (
    "World Health Organization", "United Nations Development Programme", "International Labour Office",
    "Human Rights Council", "European Commission", "National Research Council", "Amnesty International",
    "Institut national de la statistique", "Bundesamt für Statistik", "Ministry of Education", "World Bank",
    "International Crisis Group", "Office of the High Commissioner for Human Rights", "UNESCO",
)  # fmt: skip
TITLE_WORDS = {
    "en": ("history memory violence state power war peace society politics genocide revolution empire nation "
           "identity culture religion economy justice law trial colonial peasant labour city frontier archive "
           "witness border exile refugee democracy ritual language gender family famine trade reform crisis"),
    "fr": ("histoire mémoire violence état pouvoir guerre paix société politique révolution empire nation identité "
           "culture religion économie justice droit procès colonie paysans travail ville frontière archives témoin "
           "exil réfugiés démocratie langue famille famine commerce réforme crise massacre résistance"),
    "de": ("Geschichte Erinnerung Gewalt Staat Macht Krieg Frieden Gesellschaft Politik Revolution Reich Nation "
           "Identität Kultur Religion Wirtschaft Gerechtigkeit Recht Prozess Bauern Arbeit Stadt Grenze Archiv"),
    "it": "storia memoria violenza stato potere guerra pace società politica rivoluzione impero nazione cultura",
    "es": "historia memoria violencia estado poder guerra paz sociedad política revolución imperio nación cultura",
}  # fmt: skip
REGIONS = ("Cambodia", "Vietnam", "Rwanda", "Bosnia", "Armenia", "Algeria", "Indonesia", "Argentina", "Chile",
           "Guatemala", "Ukraine", "Poland", "France", "Germany", "Italy", "Spain", "China", "Japan", "Korea",
           "Europe", "Africa", "Asia", "the Balkans", "the Middle East", "Latin America", "Siberia")  # fmt: skip
TITLE_PATTERNS = {
    "en": ("The {A} of {R}", "{A} and {B} in {R}, {Y1}-{Y2}", "{A}, {B} and {C}", "A {A} of {B}",
           "{A} and {B}: The {C} of {R}", "Understanding {A}", "The {A} {B}: {C} in {R}", "\"{A}\" and {B} in {R}",
           "{R} after {A}: {B} and {C}", "Why {A}? {B} and {C} in {R}"),
    "fr": ("{A} et {B} au {R}", "Le {A} des {B}", "La {A} : {B} et {C}", "Les {A} de {R}, {Y1}-{Y2}",
           "{A}, {B} et {C} en {R}", "Une {A} de la {B}", "Le « {A} » et la {B}", "Penser la {A} : essai sur {R}"),
    "de": ("{A} und {B} in {R}", "Die {A} der {B}", "{A} im {R}, {Y1}-{Y2}", "Zwischen {A} und {B}"),
    "it": ("{A} e {B} in {R}", "La {A} della {B}", "{A} nel {R}, {Y1}-{Y2}"),
    "es": ("{A} y {B} en {R}", "La {A} de la {B}", "{A} en {R}, {Y1}-{Y2}"),
}  # fmt: skip
JOURNALS = (
    "Journal of {A} Studies", "{A} Review", "Revue d'histoire {a}", "Annales {a}", "Zeitschrift für {A}",
    "Journal of {R} Studies", "Studi di {a}", "International Journal of {A}", "Cahiers {a}", "{R} Quarterly",
    "Comparative Studies in {A} and {B}", "Revue française de {a}", "Historische {A}", "Critique {a}",
    "Journal of {A} Research", "Vingtième Siècle", "Past and {A}", "{A} and {B}", "Revista de {a}",
)  # fmt: skip
PUBLISHERS = (
    "Oxford University Press", "Cambridge University Press", "Princeton University Press", "Yale University Press",
    "University of Chicago Press", "Routledge", "Palgrave Macmillan", "Stanford University Press", "Verso",
    "Gallimard", "Seuil", "Fayard", "Flammarion", "La Découverte", "Armand Colin", "Presses universitaires de France",
    "Éditions du CNRS", "Karthala", "Perrin", "Albin Michel", "Odile Jacob", "Belin", "Suhrkamp", "C. H. Beck",
    "Wallstein Verlag", "Campus Verlag", "Einaudi", "Laterza", "Il Mulino", "Feltrinelli", "Siglo XXI", "Anagrama",
    "Berghahn Books", "Brill", "De Gruyter", "Zed Books", "Hurst", "Polity Press", "Penguin",
    "Harvard University Press",
    "University of California Press", "Columbia University Press", "Cornell University Press", "Beacon Press",
    "Indiana University Press", "Duke University Press", "Presses de Sciences Po", "Éditions de l'EHESS",
    "Silkworm Books", "NIAS Press", "Documentation Centre", "Institute of Southeast Asian Studies",
    "Les Belles Lettres",
)  # fmt: skip
US_STATES = ("Connecticut", "Massachusetts", "California", "New York", "Colorado", "Illinois", "New Jersey",
             "Michigan", "Pennsylvania", "Maryland", "Indiana", "North Carolina", "Wisconsin", "Minnesota")  # fmt: skip
THESIS_GENRES = ("PhD thesis", "Doctoral dissertation", "Thèse de doctorat", "Master's thesis", "Dissertation")

# Free-form titles: academic words in each language, drawn 3 to 14 at a time.
FREE_WORDS = {
    "en": ("the of and in a on for to with from between toward towards after before during under beyond against "
           "analysis approach study case evidence effects role impact model theory practice perspective "
           "development structure change patterns process history social political economic cultural national "
           "local global early modern late medieval ancient new evidence survey report reading writing making "
           "rethinking origins limits voices lives memory violence state war children women workers peasants "
           "city village court church school market trade law rights science medicine public private"),
    "fr": ("le la les des du de un une et en au aux pour dans sur entre vers après avant pendant sous contre "
           "étude analyse approche histoire mémoire politique sociale économique culturelle nationale locale "
           "moderne contemporaine ancienne nouvelle enquête rapport lecture écriture naissance origines limites "
           "voix vies violence état guerre enfants femmes ouvriers paysans ville village cour église école marché"),
    "de": ("der die das des dem den und in im zur zum für mit von zwischen nach vor während unter gegen über "
           "Studie Analyse Geschichte Erinnerung Politik Gesellschaft Wirtschaft Kultur Staat Krieg Kinder Frauen "
           "Arbeiter Bauern Stadt Dorf Kirche Schule Markt Handel Recht Wissenschaft Medizin Zeit Raum Wandel"),
}  # fmt: skip
JOURNAL_ABBREVIATIONS = (
    "J. Mod. Hist.", "Am. Hist. Rev.", "Comp. Stud. Soc. Hist.", "J. Asian Stud.", "Soc. Sci. Med.", "Hist. J.",
    "Rev. Hist.", "Ann. Rev. Anthropol.", "J. Genocide Res.", "Past Present", "Z. Soziol.",
    "Polit. Vierteljahresschr.",
    "Eur. J. Polit. Res.", "J. Peace Res.", "Int. Secur.", "World Polit.", "Curr. Anthropol.", "Hist. Memory",
)  # fmt: skip
SERIES = ("Studies in {A} History", "Collection Histoire", "Bibliothèque des histoires", "Cambridge Studies in "
          "Comparative Politics", "Beiträge zur Geschichte", "Cahiers de {A}", "{A} Studies Series")  # fmt: skip
CONFERENCES = ("International Conference on Digital Humanities", "Annual Meeting of the Historical Society",
               "Congress of Social Sciences", "Workshop on Computational History", "Colloque international d'histoire",
               "Symposium on Memory and Violence")  # fmt: skip
