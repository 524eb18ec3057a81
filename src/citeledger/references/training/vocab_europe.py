"""More word banks for synthetic references: Italian, German, Spanish and French humanities and
social-science conventions (publishers, publishing places, journals, title words), and English
science title words. Invented combinations of common words; no real reference is copied."""

from __future__ import annotations

PLACES = {
    "it": ("Roma", "Milano", "Torino", "Bologna", "Firenze", "Venezia", "Napoli", "Padova", "Bari", "Roma-Bari",
           "Genova", "Verona", "Pisa", "Palermo", "Trieste", "Vicenza", "Treviso", "Modena", "Siena", "Perugia",
           "Roma - Bari", "Milano-Napoli", "Città del Vaticano", "Sommacampagna"),
    "de": ("Berlin", "München", "Frankfurt am Main", "Frankfurt/M.", "Frankfurt a. M.", "Stuttgart", "Hamburg",
           "Köln", "Opladen", "Wiesbaden", "Göttingen", "Tübingen", "Weinheim", "Heidelberg", "Leipzig", "Bielefeld",
           "Bonn", "Wien", "Zürich", "Basel", "Bern", "Mannheim", "Konstanz", "Münster", "Freiburg i. Br.",
           "Baden-Baden", "Darmstadt", "Weinheim/Basel", "Opladen/Wiesbaden", "Berlin/New York", "Neuwied"),
    "fr": ("Paris", "Lyon", "Genève", "Bruxelles", "Toulouse", "Rennes", "Aix-en-Provence", "Lille", "Strasbourg",
           "Bordeaux", "Montréal", "Louvain", "Rome", "Paris-La Haye"),
    "es": ("Madrid", "Barcelona", "México", "Buenos Aires", "Sevilla", "Valencia", "Salamanca", "Bogotá", "Lima"),
    "en": ("London", "New York", "Oxford", "Cambridge", "Amsterdam", "Leiden", "Chicago", "Boston", "Berkeley",
           "Princeton", "New Haven", "Cambridge, MA", "Cambridge, Mass.", "Baltimore", "Philadelphia", "Toronto",
           "Edinburgh", "Manchester", "Dordrecht", "Berlin/Heidelberg", "Amsterdam/New York", "Englewood Cliffs, NJ",
           "Thousand Oaks, CA", "Los Angeles", "San Francisco", "Washington, DC", "Ithaca, NY", "Reading, MA"),
}  # fmt: skip
PUBLISHERS = {
    "it": ("Einaudi", "Laterza", "Il Mulino", "Feltrinelli", "Mondadori", "Olschki", "Leo S. Olschki", "Marsilio",
           "Il Poligrafo", "Jouvence", "Sansoni", "Utet", "UTET", "Carocci", "Donzelli", "Viella", "Franco Angeli",
           "FrancoAngeli", "Edizioni di Storia e Letteratura", "Bollati Boringhieri", "Liguori", "Neri Pozza",
           "Cierre", "Rizzoli", "Bompiani", "Garzanti", "Salerno Editrice", "Istituto veneto di scienze, lettere ed "
           "arti", "Antenore", "Editori Riuniti", "Giuffrè", "Vita e Pensiero", "Il Saggiatore", "Electa",
           "Fondazione Giorgio Cini", "Deputazione di storia patria", "Ed. Studium", "Tip. Emiliana"),
    "de": ("Suhrkamp", "C.H. Beck", "Beck", "Vandenhoeck & Ruprecht", "Westdeutscher Verlag", "VS Verlag für "
           "Sozialwissenschaften", "Leske + Budrich", "Campus", "Juventa", "Beltz", "Springer", "Enke", "Kohlhammer",
           "Nomos", "Duncker & Humblot", "Mohr Siebeck", "J.C.B. Mohr", "Oldenbourg", "Lucius & Lucius", "UVK",
           "transcript", "Klett-Cotta", "Rowohlt", "Fischer", "Hogrefe", "Waxmann", "Lang", "Peter Lang",
           "Steiner", "Franz Steiner Verlag", "de Gruyter", "Walter de Gruyter", "Böhlau", "Luchterhand",
           "Leske und Budrich", "Deutscher Taschenbuch Verlag", "Akademie Verlag", "Schöningh", "Ergon"),
    "fr": ("Gallimard", "Seuil", "Éd. du Seuil", "Fayard", "Flammarion", "La Découverte", "Armand Colin", "PUF",
           "Presses universitaires de France", "Éditions du CNRS", "CNRS Éditions", "Karthala", "Perrin",
           "Albin Michel", "Belin", "Hachette", "Droz", "Librairie Droz", "Les Belles Lettres", "Minuit",
           "Éditions de Minuit", "L'Harmattan", "Honoré Champion", "De Boeck", "Payot", "Maspero", "Plon"),
    "es": ("Siglo XXI", "Alianza", "Alianza Editorial", "Crítica", "Cátedra", "CSIC", "Tecnos", "Anagrama",
           "Fondo de Cultura Económica", "Marcial Pons", "Ariel", "Paidós", "Taurus", "Akal"),
    "en": ("Oxford University Press", "Cambridge University Press", "Princeton University Press", "Routledge",
           "Elsevier", "Springer", "Springer-Verlag", "Wiley", "John Wiley & Sons", "Academic Press", "North-Holland",
           "Addison-Wesley", "MIT Press", "The MIT Press", "Prentice Hall", "Prentice-Hall", "McGraw-Hill", "Kluwer",
           "Kluwer Academic Publishers", "Sage", "Sage Publications", "Blackwell", "Basil Blackwell", "Macmillan",
           "Palgrave Macmillan", "Harper & Row", "Norton", "W. W. Norton", "Free Press", "Longman", "Methuen",
           "Clarendon Press", "Yale University Press", "University of Chicago Press", "Johns Hopkins University "
           "Press", "Ashgate", "Brill", "E. J. Brill", "Penguin", "Allen & Unwin", "Morgan Kaufmann", "CRC Press",
           "Pergamon", "Plenum Press", "ACM", "IEEE Computer Society", "AAAI Press", "Bloomsbury", "Verso"),
}  # fmt: skip
JOURNALS = {
    "it": ("Rivista storica {a}", "Archivio storico {c}", "Studi {a}", "Quaderni {a}", "Nuova rivista {a}",
           "Rivista di storia {a}", "Archivio {c}", "Bollettino {a}", "Annali {a}", "Critica {a}", "Studi storici",
           "Società e storia", "Rivista di {a}", "Ateneo {c}", "Archivio per la storia {a}", "Quaderni storici"),
    "de": ("Zeitschrift für {A}", "Kölner Zeitschrift für {A} und {B}", "Archiv für {A}", "Jahrbuch für {A}",
           "{A}-Forschung", "Berliner Journal für {A}", "Vierteljahrshefte für {A}", "Soziale {A}",
           "Politische {A}", "Zeitschrift für {A} und {B}", "Leviathan", "Historische Zeitschrift", "{A} und {B}",
           "Blätter für {A}", "Mitteilungen des Instituts für {A}", "Neue {A}", "Psychologische Rundschau"),
    "fr": ("Revue d'histoire {a}", "Annales {a}", "Cahiers {a}", "Revue française de {a}", "Le {A}",
           "Revue {a}", "Bulletin de la Société {a}", "Mélanges de l'École française de Rome", "Études {a}"),
    "es": ("Revista de {a}", "Revista {a}", "Cuadernos de {a}", "Anuario de {a}", "Estudios {a}"),
    "en": ("Journal of {A} {B}", "{A} Review", "Journal of {A} Research", "International Journal of {A} {B}",
           "{A} Quarterly", "Annals of {A}", "Proceedings of the National Academy of Sciences", "{A} Letters",
           "Transactions on {A} {B}", "IEEE Transactions on {A} {B}", "Journal of the American {A} Society",
           "American Journal of {A}", "British Journal of {A}", "{A} and {B}", "Physical Review {L}", "Nature",
           "Science", "Communications of the ACM", "Artificial Intelligence", "Machine Learning", "{A} Research"),
}  # fmt: skip
SCIENCE_WORDS = (
    "learning networks algorithm algorithms system systems protein cell cells gene expression analysis method methods "
    "model models data estimation neural inference optimal control dynamic dynamics linear nonlinear stochastic "
    "efficient parallel distributed computation computing language languages logic semantics program programs "
    "structure structures molecular clinical patients treatment risk disease study trial effects effect surface "
    "temperature field fields quantum theory theorem bounds graph graphs random measurement design evaluation "
    "performance reasoning knowledge representation search planning recognition speech image images visual "
    "a an the of for in on with and using via toward towards from by under new approach framework large-scale"
)
IT_WORDS = (
    "il la lo le i gli della delle dei degli del nel nella nei per con tra fra e di da in su una un "
    "storia memoria documenti lettere cronaca archivio città repubblica chiesa famiglia mercanti commercio arte "
    "architettura pittura scuola patriziato dogi dominio terraferma società economia politica cultura studi "
    "ricerche note appunti secolo secoli medioevo rinascimento età moderna contemporanea governo stato diritto "
    "statuti fonti edizione catalogo inventario codici manoscritti biblioteca palazzo isola laguna porto flotta"
)
ES_WORDS = (
    "el la los las del de en y por para con entre sobre una un historia memoria sociedad política economía cultura "
    "estado guerra ciudad iglesia familia comercio siglo época moderna colonial estudio estudios documentos fuentes"
)
DE_WORDS = (
    "der die das des dem den und in im zur zum für mit von zwischen nach vor unter gegen über auf bei als eine ein "
    "Analyse Geschichte Gesellschaft Soziologie Politik Wirtschaft Kultur Staat Arbeit Arbeitsmarkt Familie Bildung "
    "Jugend Jugendliche Frauen Männer Migration Ungleichheit Lebenslauf Lebensläufe Wandel Entwicklung Theorie "
    "Perspektive Perspektiven Beitrag Beiträge Befunde Ergebnisse Untersuchung Studie Einführung Grundlagen "
    "Organisation Institutionen Demokratie Partei Parteien Wahlen Verhalten Einstellungen Werte Religion Kirche "
    "Stadt Region Europa Deutschland Bundesrepublik DDR sozialen sozialer soziale politischen politische neue neuen"
)
ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
    "XXI",
    "XXV",
    "XXX",
    "XL",
    "L",
    "LX",
    "LXX",
    "LXXX",
    "XC",
    "C",
    "CXX",
)
# One-word journal titles, the way humanities lists print many reviews (invented from common Latin and
# European words, not a list of real journals).
ONE_WORD_JOURNALS = ("Historia", "Studium", "Archivum", "Civitas", "Speculum", "Medioevo", "Rinascimento", "Itinera",
                     "Memoria", "Traditio", "Lettere", "Critica", "Hispania", "Francia", "Germania", "Italica",
                     "Cuadernos", "Recherches", "Mélanges", "Annales", "Geschichte", "Leviathan", "Saeculum",
                     "Humanitas", "Aevum", "Belfagor", "Clio", "Hermes", "Orbis", "Societas")  # fmt: skip
# Institutions that publish (academies, institutes, university presses), per language: {a}/{A} a
# topic word, {c}/{C} a city.
INSTITUTIONS = {
    "it": ("Istituto {a} di studi {b}", "Istituto per la storia {a}", "Deputazione di storia patria per {C}",
           "Accademia {a} di {C}", "Società {a} di storia patria", "Libreria editrice universitaria {C}",
           "Centro di studi {a}", "Tipografia {C}", "Edizioni dell'Università di {C}"),
    "de": ("Verlag der {A} Akademie", "Universitätsverlag {C}", "Institut für {A}", "Verlag für {A}",
           "Kommission für {A}", "Akademie der Wissenschaften zu {C}"),
    "fr": ("Presses universitaires de {C}", "Publications de la Sorbonne", "Institut {a} de {C}",
           "Société d'histoire {a}", "École française de {C}", "Éditions de l'Université de {C}"),
    "es": ("Universidad de {C}", "Instituto de Estudios {A}", "Consejo Superior de Investigaciones Científicas",
           "Ediciones de la Universidad de {C}"),
    "en": ("{C} University Press", "University of {C} Press", "Institute of {A} Research", "{A} Society",
           "Council for {A} Studies", "Centre for {A} History"),
}  # fmt: skip
# A date inside a title, in each language's habits: a year, an elided century, a century.
TITLE_DATES = {
    "it": ("nel {Y}", "del '{C}00", "dal {Y} al {Z}", "nei secoli {R}-{S}", "nel secolo {R}", "({Y}-{Z})"),
    "de": ("im {N}. Jahrhundert", "{Y} bis {Z}", "um {Y}", "({Y}-{Z})", "seit {Y}"),
    "fr": ("au {R}e siècle", "en {Y}", "de {Y} à {Z}", "({Y}-{Z})", "aux {R}e-{S}e siècles"),
    "es": ("en el siglo {R}", "de {Y}", "({Y}-{Z})", "en {Y}"),
    "en": ("in {Y}", "in the {C}00s", "{Y}-{Z}", "c. {Y}", "since {Y}", "in the {N}th Century"),
}  # fmt: skip
