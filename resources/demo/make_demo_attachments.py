"""Generate the PDF attachments of the built-in demonstration session.

Reads ``source/manifest.json`` (next to this script) and writes every PDF it lists under
``source/attachments/<dossier id>/``: a ``dossier-candidature.pdf`` for each dossier and,
for some, a ``budget-previsionnel.pdf``. All names, figures and contacts are fictional.

The output is deterministic (ReportLab ``invariant`` mode, no clock, no randomness):
running the script twice gives byte-identical files, so the demo bundle and its hashes
are reproducible. Run from the repository root::

    uv run python resources/demo/make_demo_attachments.py

The fonts are the DejaVu Sans files shipped in ``resources/fonts/`` (accents, « », €,
narrow no-break spaces); the script refuses to run without them rather than fall back on
a system font, which would change the bytes from one machine to another.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

NB = "\u00a0"  # no-break space
NNB = "\u202f"  # narrow no-break space (thousands separator)

EPT = "Établissement public territorial Grand-Orly Seine Bièvre"
FOOTER = "Document fictif établi pour la session de démonstration de jury_desk"
SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

INK = colors.HexColor("#1F2A44")
ACCENT = colors.HexColor("#0B6E6E")
LIGHT = colors.HexColor("#E8F1F1")
GRID = colors.HexColor("#9FB3B3")


# --------------------------------------------------------------------------- content
# What the manifest does not carry: objectives, public, schedule, partners, and the
# budget lines. Budget lines are (label, euros); each side must add up to the dossier's
# budget_total_cents, and the EPT line must equal amount_requested_cents (checked below).

LABEL_LINE = "Label Actions Innovantes — EPT Grand-Orly Seine Bièvre (sollicité)"

CONTENT: dict[str, dict[str, Any]] = {
    "d01": {
        "objectifs": [
            "Réduire le gaspillage alimentaire en récupérant les invendus de 12 commerces partenaires.",
            "Permettre à 300 foyers d’acheter des produits frais à petits prix.",
            "Créer un emploi en parcours d’insertion et former 20 bénévoles à la tenue de la boutique.",
        ],
        "public": "Foyers aux revenus modestes du quartier Balzac, orientés par le centre social, "
        "la CAF et le CCAS, et tous les habitants adhérents de l’association.",
        "calendrier": [
            ("Sept. – oct. 2026", "Aménagement du local et conventions avec les commerces"),
            ("Novembre 2026", "Ouverture de l’épicerie trois demi-journées par semaine"),
            ("Janvier 2027", "Premiers ateliers de cuisine « zéro déchet »"),
            ("Juin 2027", "Bilan avec les adhérents et extension des horaires"),
        ],
        "partenaires": "Ville de Vitry-sur-Seine, centre social Balzac, bailleur social, "
        "supermarchés et commerces du secteur, banque alimentaire.",
        "charges": [
            ("Équipement frigorifique et mobilier de la boutique", 9_800),
            ("Denrées complémentaires et petits achats", 6_200),
            ("Loyer et charges du local", 7_200),
            ("Assurances et frais bancaires", 1_180),
            ("Communication et signalétique", 1_600),
            ("Formation des bénévoles", 2_300),
            ("Charges de personnel (poste en insertion, 0,5 ETP)", 24_200),
        ],
        "produits": [
            (LABEL_LINE, 18_000),
            ("Ville de Vitry-sur-Seine", 8_000),
            ("État — crédits de la politique de la ville", 9_000),
            ("État — aide au poste en insertion", 10_400),
            ("Ventes de l’épicerie", 5_500),
            ("Cotisations et fonds propres", 1_580),
        ],
    },
    "d02": {
        "objectifs": [
            "Produire et diffuser dix épisodes d’un podcast mensuel sur la vie du quartier.",
            "Former 12 jeunes à l’interview, à l’écriture sonore et au montage.",
            "Garder une trace vivante du quartier pendant sa rénovation urbaine.",
        ],
        "public": "Jeunes de 15 à 20 ans du quartier Gagarine-Truillot, repérés avec le service "
        "jeunesse et la mission locale ; auditeurs : l’ensemble des habitants.",
        "calendrier": [
            ("Septembre 2026", "Constitution de l’équipe et ateliers d’initiation"),
            (
                "Oct. 2026 – juin 2027",
                "Un épisode par mois, en ligne et sur une radio associative locale",
            ),
            ("Juin 2027", "Écoute publique en plein air et remise des attestations"),
        ],
        "partenaires": "Service jeunesse de la ville, mission locale, médiathèque, radio "
        "associative locale, aménageur du projet de rénovation urbaine.",
    },
    "d03": {
        "objectifs": [
            "Apprendre à 60 femmes par an à faire du vélo et à circuler en sécurité.",
            "Faciliter l’accès à l’emploi, à la formation et aux services de santé.",
            "Créer un groupe de sorties à vélo animé par des habitantes formées.",
        ],
        "public": "Femmes adultes du Grand Ensemble Orly-Choisy qui n’ont jamais appris à faire du "
        "vélo ou n’osent plus circuler, orientées par le centre social et les structures d’insertion.",
        "calendrier": [
            ("Septembre 2026", "Achat d’une flotte de 20 vélos et recrutement des monitrices"),
            ("Oct. 2026 – mars 2027", "Deux cycles de douze séances, garde d’enfants sur place"),
            ("Avril – juin 2027", "Circulation en ville, sorties collectives et prêt de vélos"),
            ("Juin 2027", "Bilan et formation de deux habitantes monitrices bénévoles"),
        ],
        "partenaires": "Ville de Choisy-le-Roi, centre social, France Travail, association "
        "d’usagers du vélo, bailleur social (local de stockage).",
        "charges": [
            ("Achat de 20 vélos et équipements de sécurité", 9_400),
            ("Entretien et pièces détachées", 1_800),
            ("Monitrices diplômées (prestations)", 14_200),
            ("Garde d’enfants pendant les séances", 6_300),
            ("Location du local de stockage et assurance", 2_900),
            ("Communication et supports pédagogiques", 1_300),
            ("Coordination du projet (0,1 ETP)", 3_000),
        ],
        "produits": [
            (LABEL_LINE, 15_500),
            ("Ville de Choisy-le-Roi", 6_000),
            ("État — crédits de la politique de la ville", 7_500),
            ("Conseil départemental du Val-de-Marne", 5_000),
            ("Fondation d’entreprise (mobilité)", 3_500),
            ("Fonds propres", 1_400),
        ],
    },
    "d04": {
        "objectifs": [
            "Accompagner 120 habitants de plus de 65 ans dans leurs démarches en ligne.",
            "Rompre l’isolement des personnes âgées par des visites régulières.",
            "Rendre les seniors autonomes pour les usages essentiels : santé, retraite, logement.",
        ],
        "public": "Habitants de plus de 65 ans du quartier Pierre-au-Prêtre, en priorité les "
        "personnes isolées repérées par le CCAS et le bailleur social.",
        "calendrier": [
            (
                "Septembre 2026",
                "Recrutement de deux médiateurs et de quatre volontaires en service civique",
            ),
            ("Octobre 2026", "Ouverture des permanences hebdomadaires en pied d’immeuble"),
            (
                "Nov. 2026 – juin 2027",
                "Accompagnements à domicile et prêt de tablettes reconditionnées",
            ),
            ("Juillet 2027", "Évaluation avec les seniors accompagnés et le CCAS"),
        ],
        "partenaires": "CCAS d’Orly, bailleur social, caisse de retraite, conseiller numérique "
        "de la médiathèque, atelier de reconditionnement informatique.",
        "charges": [
            ("Médiateurs numériques (1 ETP partagé)", 17_800),
            ("Indemnités complémentaires des volontaires", 2_400),
            ("30 tablettes reconditionnées et forfaits de données", 5_700),
            ("Formation des médiateurs", 1_500),
            ("Déplacements à domicile", 1_200),
            ("Assurance et frais de gestion", 1_100),
            ("Communication et supports imprimés en gros caractères", 2_900),
        ],
        "produits": [
            (LABEL_LINE, 13_000),
            ("Ville d’Orly — CCAS", 5_000),
            ("Conférence des financeurs de la prévention de la perte d’autonomie", 8_000),
            ("Bailleur social", 3_000),
            ("Caisse de retraite", 2_500),
            ("Fonds propres", 1_100),
        ],
    },
    "d05": {
        "objectifs": [
            "Aménager un potager partagé de 400 m² sur la toiture-terrasse de la résidence.",
            "Impliquer 40 foyers dans la culture et l’entretien du jardin.",
            "Accueillir l’école et le centre de loisirs voisins pour des ateliers nature.",
        ],
        "public": "Locataires de la résidence Lamartine et enfants de l’école et du centre de "
        "loisirs du quartier Lebon-Lamartine.",
        "calendrier": [
            ("Septembre 2026", "Étude de charge de la toiture et accord du bailleur"),
            (
                "Nov. 2026 – févr. 2027",
                "Travaux : garde-corps, bacs hors sol, récupération des eaux de pluie",
            ),
            ("Mars 2027", "Premières plantations avec les habitants"),
            ("Mai – juin 2027", "Ateliers avec l’école et première fête des récoltes"),
        ],
        "partenaires": "Bailleur social (propriétaire de la toiture), Ville de Villejuif, école "
        "élémentaire et centre de loisirs voisins, épicerie solidaire du quartier, association "
        "de jardiniers (accompagnement et portage financier).",
        "charges": [
            ("Sécurisation de la toiture (garde-corps, accès)", 21_500),
            ("Bacs hors sol, terre et compost", 8_400),
            ("Récupération des eaux de pluie et arrosage goutte-à-goutte", 4_200),
            ("Outils et abri de jardin", 2_300),
            ("Jardinier-animateur (prestations)", 6_800),
            ("Assurance, frais divers et imprévus", 3_100),
        ],
        "produits": [
            (LABEL_LINE, 12_000),
            ("Bailleur social (travaux de sécurisation)", 21_500),
            ("Ville de Villejuif", 6_000),
            ("État — crédits de la politique de la ville", 4_500),
            ("Participation des habitants (cotisations, fête des récoltes)", 2_300),
        ],
    },
    "d06": {
        "objectifs": [
            "Réparer plutôt que jeter : 400 objets réparés par an.",
            "Transmettre les savoir-faire de réparation aux jeunes du quartier.",
            "Aller vers les habitants avec un atelier mobile en pied d’immeuble.",
        ],
        "public": "Tous les habitants du Noyer-Renard, en particulier les familles aux revenus "
        "modestes et les jeunes de 14 à 25 ans.",
        "calendrier": [
            ("Septembre 2026", "Achat de l’outillage et du triporteur-atelier"),
            ("Octobre 2026", "Premières sorties de l’atelier mobile, un samedi sur deux"),
            ("Janv. – juin 2027", "Formation de huit jeunes réparateurs"),
            ("Juin 2027", "Bilan : objets réparés, déchets évités, nouveaux bénévoles"),
        ],
        "partenaires": "Ville d’Athis-Mons (prêt du local), centre social, bailleur social, "
        "ressourcerie du territoire, service de prévention des déchets de l’EPT.",
    },
    "d07": {
        "objectifs": [
            "Recueillir la mémoire de soixante ans de vie aux Lutayes.",
            "Créer un spectacle joué par 15 collégiens et 10 habitants âgés.",
            "Tisser des liens durables entre les générations du quartier.",
        ],
        "public": "Collégiens de 11 à 15 ans et habitants de plus de 60 ans du quartier des "
        "Lutayes ; spectateurs : les habitants de Valenton.",
        "calendrier": [
            ("Oct. – déc. 2026", "Collecte de témoignages en binômes jeunes-aînés"),
            ("Janv. – avril 2027", "Ateliers d’écriture et de jeu, deux fois par mois"),
            ("Mai 2027", "Trois représentations dans le quartier et au théâtre municipal"),
            ("Juin 2027", "Édition d’un recueil des témoignages"),
        ],
        "partenaires": "Ville de Valenton (théâtre municipal), collège du secteur, résidence "
        "autonomie, centre social, archives municipales.",
        "charges": [
            ("Metteuse en scène et comédienne intervenante", 13_600),
            ("Technique son et lumière des représentations", 3_800),
            ("Décors, costumes et accessoires", 2_900),
            ("Édition du recueil de témoignages", 3_400),
            ("Transport des aînés et goûters des ateliers", 1_600),
            ("Communication", 1_200),
            ("Coordination et frais administratifs", 5_300),
        ],
        "produits": [
            (LABEL_LINE, 12_500),
            ("Ville de Valenton", 5_000),
            ("Conseil départemental du Val-de-Marne (culture)", 4_500),
            ("État — culture et politique de la ville", 6_000),
            ("Billetterie solidaire", 800),
            ("Fonds propres", 3_000),
        ],
    },
    "d08": {
        "objectifs": [
            "Accompagner chaque soir 40 élèves d’école élémentaire et de collège dans leurs devoirs.",
            "Associer les parents au suivi de la scolarité.",
            "Offrir aux étudiants du quartier une première expérience rémunérée et formatrice.",
        ],
        "public": "Élèves du CE2 à la 3e du quartier des Sablons, repérés avec les écoles et le "
        "collège ; 10 étudiants tuteurs, pour la plupart issus du quartier.",
        "calendrier": [
            ("Septembre 2026", "Recrutement et formation des étudiants tuteurs"),
            ("Oct. 2026 – juin 2027", "Séances du lundi au jeudi, de 16 h 30 à 18 h 30"),
            ("Chaque mois", "Rencontre avec les parents"),
            ("Juin 2027", "Bilan avec les enseignants et les familles"),
        ],
        "partenaires": "Ville de Viry-Châtillon (prêt de salle), écoles et collège du secteur, "
        "université partenaire (recrutement des tuteurs), CAF de l’Essonne, centre social.",
    },
    "d09": {
        "objectifs": [
            "Offrir à 150 familles l’accès au lavage du linge à un tarif solidaire.",
            "Créer trois emplois en parcours d’insertion.",
            "Faire de la laverie un lieu d’accès aux droits et de rencontre.",
        ],
        "public": "Familles du Quartier Nord sans lave-linge, en particulier celles qui vivent en "
        "logement dégradé ou suroccupé ; personnes éloignées de l’emploi pour les postes en insertion.",
        "calendrier": [
            ("Sept. – nov. 2026", "Travaux du local et installation des machines"),
            ("Décembre 2026", "Ouverture de la laverie six jours sur sept"),
            ("Dès janvier 2027", "Permanences d’accès aux droits pendant les lavages"),
            ("Décembre 2027", "Bilan de la première année d’exploitation"),
        ],
        "partenaires": "Ville de Villeneuve-Saint-Georges, bailleur social (local en pied "
        "d’immeuble), structure d’insertion par l’activité économique, CAF, maison de la justice "
        "et du droit.",
        "charges": [
            ("Travaux d’aménagement du local", 18_500),
            ("Lave-linge et séchoirs professionnels", 16_800),
            ("Eau, énergie et produits lessiviels", 7_900),
            ("Loyer et charges", 6_000),
            ("Salariés en insertion (3 postes à temps partiel)", 26_400),
            ("Encadrement technique (0,2 ETP)", 6_200),
            ("Assurance, maintenance et frais divers", 2_800),
        ],
        "produits": [
            (LABEL_LINE, 20_000),
            ("Ville de Villeneuve-Saint-Georges", 7_000),
            ("État — aide aux postes en insertion", 22_000),
            ("État — crédits de la politique de la ville", 9_500),
            ("Conseil départemental du Val-de-Marne", 6_000),
            ("Bailleur social (participation aux travaux)", 8_000),
            ("Recettes de la laverie", 12_100),
        ],
    },
    "d10": {
        "objectifs": [
            "Proposer trois séances gratuites d’activité physique par semaine au cœur du quartier.",
            "Faire reprendre une activité régulière à 80 habitants éloignés du sport.",
            "Mesurer les progrès de chacun grâce à un bilan de forme.",
        ],
        "public": "Habitants adultes du quartier, en priorité les femmes, les seniors et les "
        "personnes atteintes de maladies chroniques (diabète, surpoids, hypertension).",
        "calendrier": [
            ("Septembre 2026", "Bilans de forme initiaux avec le centre municipal de santé"),
            (
                "Oct. 2026 – juin 2027",
                "Marche active, renforcement musculaire et football en marchant",
            ),
            ("Mars 2027", "Tournoi familial de football en marchant"),
            ("Juin 2027", "Bilans de forme de fin de saison"),
        ],
        "partenaires": "Ville de Thiais (service des sports), centre municipal de santé, maison "
        "sport-santé, bailleur social, club de football local.",
    },
    "d11": {
        "objectifs": [
            "Publier quatre numéros par an d’un journal de huit pages tiré à 3 000 exemplaires.",
            "Former les habitants à l’écriture journalistique et à la photographie.",
            "Faire connaître les initiatives et les services de proximité du quartier.",
        ],
        "public": "Tous les habitants du quartier du Plateau, lecteurs et contributeurs ; "
        "ateliers ouverts dès 12 ans.",
        "calendrier": [
            ("Septembre 2026", "Réunion publique et constitution du comité de rédaction"),
            ("Oct. – nov. 2026", "Ateliers d’écriture et de photographie"),
            ("Décembre 2026", "Parution du premier numéro"),
            ("Mars, juin et sept. 2027", "Numéros suivants"),
        ],
        "partenaires": "Ville de Juvisy-sur-Orge, médiathèque, centre social, commerçants du "
        "quartier (points de diffusion), imprimerie solidaire.",
    },
    "d12": {
        "objectifs": [
            "Organiser 30 ateliers de fabrication d’objets low-tech dans l’année.",
            "Aider 100 foyers à réduire leurs factures d’énergie.",
            "Former six habitants relais capables d’animer les ateliers.",
        ],
        "public": "Familles du quartier de Grand-Vaux, en particulier les ménages en précarité "
        "énergétique signalés par le bailleur et le centre social.",
        "calendrier": [
            (
                "Octobre 2026",
                "Installation de l’atelier au centre social avec le fablab partenaire",
            ),
            ("Nov. 2026 – mai 2027", "Ateliers mensuels et permanences énergie dans les halls"),
            ("Février 2027", "Formation des habitants relais"),
            ("Juin 2027", "Fête de la débrouille et bilan des économies réalisées"),
        ],
        "partenaires": "Ville de Savigny-sur-Orge, centre social, bailleur social, fablab "
        "partenaire, agence locale de l’énergie et du climat.",
        "charges": [
            ("Animateurs et fabmanager (prestations)", 14_800),
            ("Matériaux et outillage des ateliers", 7_600),
            ("Kits d’économie d’énergie remis aux foyers", 5_200),
            ("Conseiller énergie (permanences)", 6_400),
            ("Formation des habitants relais", 2_400),
            ("Communication", 1_100),
            ("Coordination, assurance et frais de gestion", 4_400),
        ],
        "produits": [
            (LABEL_LINE, 17_000),
            ("Ville de Savigny-sur-Orge", 5_000),
            ("État — crédits de la politique de la ville", 7_000),
            ("Bailleur social", 4_500),
            ("Agence locale de l’énergie et du climat", 3_600),
            ("Conseil départemental de l’Essonne", 3_000),
            ("Fonds propres", 1_800),
        ],
    },
}

KIND_LABEL = {
    "association": "Association",
    "collectif": "Collectif d’habitants",
    "habitants": "Groupe d’habitants",
    "autre": "Autre structure",
}
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


# --------------------------------------------------------------------------- formatting


def euros(cents: int) -> str:
    """French amount: « 12 500,00 € » (narrow no-break space for thousands)."""
    units, rest = divmod(cents, 100)
    grouped = f"{units:,}".replace(",", NNB)
    return f"{grouped},{rest:02d}{NB}€"


def percent(part: int, whole: int) -> str:
    value = round(part * 1000 / whole) / 10  # one decimal, exact integers in
    return f"{value:.1f}".replace(".", ",") + f"{NNB}%"


def long_date(d: date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{DAYS[d.weekday()]} {day} {MONTHS[d.month - 1]} {d.year}"


def hearing_text(start: str) -> str:
    moment = datetime.fromisoformat(start)
    return f"{long_date(moment.date())} à {moment.hour}{NB}h{NB}{moment.minute:02d}"


def typo(text: str) -> str:
    """Text for a Paragraph: XML-escaped, French spacing made unbreakable.

    ReportLab's Paragraph treats U+202F as a breaking space, so inside paragraphs it is
    replaced by U+00A0, which it never breaks; spaces after « and before » ; : ! ? % €
    and between a number and its unit become no-break spaces.
    """
    text = text.replace(NNB, NB)
    text = re.sub(r"« ", f"«{NB}", text)
    text = re.sub(r" ([»;:!?%€])", rf"{NB}\1", text)
    text = re.sub(r"(\d) (\d{3})\b", rf"\1{NB}\2", text)  # 3 000
    text = re.sub(
        r"(\d) (ans|m²|h|foyers|familles|habitants|habitantes|élèves|exemplaires|objets|"
        r"jeunes|femmes|collégiens|vélos|ateliers|commerces|bénévoles|étudiants|épisodes)\b",
        rf"\1{NB}\2",
        text,
    )
    text = re.sub(r"(\d{1,2}) h (\d{2})", rf"\1{NB}h{NB}\2", text)
    months = "|".join(MONTHS)
    text = re.sub(rf"\b(\d{{1,2}}|1er) ({months}) (\d{{4}})", rf"\1{NB}\2{NB}\3", text)
    return escape(text)


# --------------------------------------------------------------------------- styles


def register_fonts() -> None:
    regular, bold = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
    for font_file in (regular, bold):
        if not font_file.is_file():
            sys.exit(f"police manquante : {font_file} (copier DejaVu Sans dans resources/fonts/)")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12, textColor=INK)
    return {
        "base": base,
        "ref": ParagraphStyle("ref", parent=base, fontName=FONT_BOLD, fontSize=9, textColor=ACCENT),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=2,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=10, textColor=colors.HexColor("#4A5568")
        ),
        "body": ParagraphStyle("body", parent=base, fontSize=9.5, leading=13.5),
    }


def page_decor(heading: str, reference: str):
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        left, right = doc.leftMargin, width - doc.rightMargin
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(left, height - 17 * mm, 3 * mm, 8 * mm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(left + 5 * mm, height - 12.5 * mm, heading)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(left + 5 * mm, height - 16.3 * mm, EPT + " — politique de la ville")
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawRightString(right, height - 12.5 * mm, reference)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.line(left, height - 19 * mm, right, height - 19 * mm)
        canvas.line(left, 15 * mm, right, 15 * mm)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#4A5568"))
        canvas.drawString(left, 11 * mm, FOOTER)
        canvas.drawRightString(right, 11 * mm, f"{reference} — page {doc.page}")
        canvas.restoreState()

    return draw


def new_doc(target: Path, title: str, subject: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=25 * mm,
        bottomMargin=22 * mm,
        title=title,
        author="Grand-Orly Seine Bièvre — Label Actions Innovantes (données fictives)",
        subject=subject,
        creator="jury_desk — make_demo_attachments.py",
        lang="fr-FR",
        invariant=1,
        pageCompression=1,
    )


def grid_style(extra: list[tuple[Any, ...]] | None = None) -> TableStyle:
    rules: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    return TableStyle(rules + (extra or []))


# --------------------------------------------------------------------------- documents


def identity_rows(dossier: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[list[Any]]:
    holder = dossier["holder"]
    ids = []
    if holder.get("rna"):
        ids.append(f"RNA {holder['rna']}")
    if holder.get("siret"):
        s = holder["siret"]
        ids.append(f"SIRET {s[0:3]} {s[3:6]} {s[6:9]} {s[9:]}")
    if not ids:
        ids.append("sans personnalité morale, portage financier par un partenaire")
    qpv = dossier["qpv"]
    rows = [
        ("Structure porteuse", holder["name"]),
        ("Statut et identifiants", " — ".join([KIND_LABEL[holder["kind"]], *ids])),
        ("Commune", dossier["commune"]),
        ("Quartier prioritaire", f"{qpv['name']} ({qpv['code']})"),
        ("Chef de projet contrat de ville", dossier["project_manager"]),
        (
            "Audition devant le jury",
            hearing_text(dossier["hearing"]["start"]) + " — Orly, bâtiment Askia",
        ),
    ]
    return [[Paragraph(typo(k), st["cellb"]), Paragraph(typo(v), st["cell"])] for k, v in rows]


def money_rows(dossier: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[list[Any]]:
    req, total = dossier["amount_requested_cents"], dossier["budget_total_cents"]
    head = ["Montant demandé au Label", "Budget total du projet", "Part du Label"]
    values = [euros(req), euros(total), percent(req, total)]
    return [[Paragraph(typo(h), st["cellb"]) for h in head], values]


def build_candidature(dossier: dict[str, Any], target: Path, st: dict[str, ParagraphStyle]) -> None:
    content = CONTENT[dossier["id"]]
    ref = dossier["reference"]
    width = A4[0] - 36 * mm
    story: list[Any] = [
        Paragraph(
            typo(f"{ref} — dossier déposé auprès du chef de projet contrat de ville"), st["ref"]
        ),
        Paragraph(typo(dossier["title"]), st["title"]),
        Paragraph("1. Identification", st["h2"]),
    ]
    ident = Table(identity_rows(dossier, st), colWidths=[58 * mm, width - 58 * mm])
    ident.setStyle(grid_style([("BACKGROUND", (0, 0), (0, -1), LIGHT)]))
    story.append(ident)
    story.append(Spacer(1, 3 * mm))
    money = Table(money_rows(dossier, st), colWidths=[width / 3] * 3)
    money.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("FONTNAME", (0, 1), (-1, 1), FONT_BOLD),
                ("FONTSIZE", (0, 1), (-1, 1), 10.5),
                ("TEXTCOLOR", (0, 1), (-1, 1), INK),
                ("ALIGN", (0, 1), (-1, 1), "CENTER"),
                ("TOPPADDING", (0, 1), (-1, 1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    story.append(money)

    story.append(Paragraph("2. Présentation du projet", st["h2"]))
    story.append(Paragraph(typo(dossier["summary"]), st["body"]))

    story.append(Paragraph("3. Objectifs, public visé et calendrier", st["h2"]))
    objectifs = [Paragraph(typo(f"•{NB}{o}"), st["cell"]) for o in content["objectifs"]]
    calendrier = Table(
        [
            [Paragraph(typo(p), st["cellb"]), Paragraph(typo(s), st["cell"])]
            for p, s in content["calendrier"]
        ],
        colWidths=[42 * mm, width - 40 * mm - 42 * mm - 10],
    )
    calendrier.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    plan = Table(
        [
            [Paragraph("Objectifs", st["cellb"]), objectifs],
            [Paragraph("Public visé", st["cellb"]), Paragraph(typo(content["public"]), st["cell"])],
            [Paragraph("Calendrier", st["cellb"]), calendrier],
            [
                Paragraph("Partenaires", st["cellb"]),
                Paragraph(typo(content["partenaires"]), st["cell"]),
            ],
        ],
        colWidths=[40 * mm, width - 40 * mm],
    )
    plan.setStyle(grid_style([("BACKGROUND", (0, 0), (0, -1), LIGHT)]))
    story.append(plan)

    holder = dossier["holder"]["name"]
    engagement = [
        Paragraph("4. Engagement du porteur et avis du chef de projet", st["h2"]),
        Paragraph(
            typo(
                f"Le porteur certifie l’exactitude des informations du présent dossier et s’engage, "
                f"s’il est lauréat, à présenter un bilan de l’action au plus tard six mois après sa "
                f"réalisation. Fait à {dossier['commune']}, le 15 avril 2026, pour {holder}."
            ),
            st["body"],
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            typo(
                f"Avis de {dossier['project_manager']}, chef de projet contrat de ville : projet "
                f"accompagné en amont du dépôt, dossier complet et recevable, présenté au jury du "
                f"18 juin 2026."
            ),
            st["body"],
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            typo(
                "Les coordonnées personnelles des représentants du porteur figurent dans la fiche "
                "administrative du dossier ; elles ne sont pas reproduites dans cette pièce."
            ),
            st["small"],
        ),
    ]
    story.append(KeepTogether(engagement))

    doc = new_doc(target, f"{ref} — Dossier de candidature", dossier["title"])
    decor = page_decor("Label Actions Innovantes 2026 — Dossier de candidature", ref)
    doc.build(story, onFirstPage=decor, onLaterPages=decor)


def check_budget(dossier: dict[str, Any]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    content = CONTENT[dossier["id"]]
    charges, produits = content["charges"], content["produits"]
    total = dossier["budget_total_cents"]
    for side, lines in (("charges", charges), ("produits", produits)):
        got = sum(amount for _, amount in lines) * 100
        if got != total:
            raise ValueError(
                f"{dossier['id']}: total des {side} {got} ≠ budget_total_cents {total}"
            )
    label = [amount for name, amount in produits if name == LABEL_LINE]
    if (
        label != [dossier["amount_requested_cents"] // 100]
        or dossier["amount_requested_cents"] % 100
    ):
        raise ValueError(f"{dossier['id']}: la ligne du Label ne correspond pas au montant demandé")
    return charges, produits


def build_budget(dossier: dict[str, Any], target: Path, st: dict[str, ParagraphStyle]) -> None:
    charges, produits = check_budget(dossier)
    ref = dossier["reference"]
    width = A4[0] - 36 * mm
    total = dossier["budget_total_cents"]
    req = dossier["amount_requested_cents"]
    holder = dossier["holder"]
    story: list[Any] = [
        Paragraph(typo(f"{ref} — pièce jointe au dossier de candidature"), st["ref"]),
        Paragraph(typo(dossier["title"]), st["title"]),
        Paragraph(
            typo(
                f"{holder['name']} — {dossier['commune']}, quartier prioritaire "
                f"{dossier['qpv']['name']} ({dossier['qpv']['code']})"
            ),
            st["body"],
        ),
        Paragraph("Budget prévisionnel de l’action (année 2026-2027)", st["h2"]),
    ]
    label_w, amount_w = width / 2 - 23 * mm, 23 * mm
    rows: list[list[Any]] = [["Charges", "Montant", "Produits", "Montant"]]
    highlight: list[tuple[Any, ...]] = []
    for i in range(max(len(charges), len(produits))):
        row: list[Any] = []
        for lines in (charges, produits):
            if i < len(lines):
                name, amount = lines[i]
                style = st["cellb"] if name == LABEL_LINE else st["cell"]
                row += [Paragraph(typo(name), style), euros(amount * 100)]
                if name == LABEL_LINE:
                    highlight += [
                        ("BACKGROUND", (2, i + 1), (3, i + 1), colors.HexColor("#FFF4D6")),
                        ("FONTNAME", (3, i + 1), (3, i + 1), FONT_BOLD),
                    ]
            else:
                row += ["", ""]
        rows.append(row)
    rows.append(["Total des charges", euros(total), "Total des produits", euros(total)])
    last = len(rows) - 1
    table = Table(rows, colWidths=[label_w, amount_w, label_w, amount_w], repeatRows=1)
    table.setStyle(
        grid_style(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("FONTNAME", (0, last), (-1, last), FONT_BOLD),
                ("BACKGROUND", (0, last), (-1, last), LIGHT),
                ("LINEABOVE", (0, last), (-1, last), 1.2, ACCENT),
                *highlight,
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    summary = Table(
        [
            [
                Paragraph(
                    "Montant demandé à l’EPT Grand-Orly Seine Bièvre au titre du Label Actions Innovantes",
                    st["cellb"],
                ),
                euros(req),
            ],
            [Paragraph("Budget total de l’action", st["cellb"]), euros(total)],
            [Paragraph("Part du Label dans le budget", st["cellb"]), percent(req, total)],
        ],
        colWidths=[width - 40 * mm, 40 * mm],
    )
    summary.setStyle(
        grid_style(
            [
                ("FONTNAME", (1, 0), (1, -1), FONT_BOLD),
                ("FONTSIZE", (1, 0), (1, -1), 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
            ]
        )
    )
    story.append(summary)
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            typo(
                "Le budget est présenté à l’équilibre : le total des charges est égal au total des "
                "produits. Les financements autres que le Label sont acquis ou sollicités à la date du "
                "dépôt ; les contributions volontaires en nature (bénévolat, mise à disposition de "
                "locaux) ne sont pas valorisées dans ce tableau."
            ),
            st["small"],
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            typo(f"Fait à {dossier['commune']}, le 15 avril 2026, pour {holder['name']}."),
            st["body"],
        )
    )

    doc = new_doc(target, f"{ref} — Budget prévisionnel", dossier["title"])
    decor = page_decor("Label Actions Innovantes 2026 — Budget prévisionnel", ref)
    doc.build(story, onFirstPage=decor, onLaterPages=decor)


BUILDERS = {
    "dossier-candidature.pdf": build_candidature,
    "budget-previsionnel.pdf": build_budget,
}


def target_path(source: Path, dossier_id: str, entry: str) -> Path:
    """Check a manifest attachment path before it is used on disk."""
    parts = PurePosixPath(entry).parts
    if (
        not SAFE_ID.match(dossier_id)
        or len(parts) != 3
        or parts[0] != "attachments"
        or parts[1] != dossier_id
        or parts[2] not in BUILDERS
    ):
        raise ValueError(f"chemin de pièce jointe inattendu : {entry!r}")
    return source.joinpath(*parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=HERE / "source",
        help="dossier contenant manifest.json (par défaut : source/ à côté du script)",
    )
    args = parser.parse_args(argv)
    source: Path = args.source
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    register_fonts()
    st = styles()
    written = 0
    for dossier in manifest["dossiers"]:
        for attachment in dossier["attachments"]:
            target = target_path(source, dossier["id"], attachment["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            BUILDERS[target.name](dossier, target, st)
            print(f"{attachment['path']}  {target.stat().st_size} octets")
            written += 1
    print(f"{written} fichiers écrits dans {source / 'attachments'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
