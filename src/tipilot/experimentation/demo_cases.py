"""Plausible France Expérimentation cases for the demo — INVENTED, not real requests.

Each case: theme, title, rule, legal reference, blocked project, answers (accepted, partly
accepted, refused) and a follow-up when accepted. The legal references name real articles so
that « same legal reference » groups requests; the answers are illustrations only.
"""

CASES = (
    (
        "environment",
        "Délai d'examen au cas par cas d'une extension d'atelier",
        "L'extension d'une installation classée soumise à enregistrement passe par un examen au "
        "cas par cas de l'autorité environnementale, dont le délai retarde le chantier.",
        "Code de l'environnement, art. R. 122-3-1",
        "Extension de 4 000 m² d'un atelier de traitement de surface, sur un terrain déjà "
        "artificialisé d'une zone d'activités, pour une nouvelle ligne de production.",
        {
            "accepted": "Expérimentation accordée : l'examen au cas par cas et l'instruction de "
            "l'enregistrement sont conduits en parallèle pour les extensions sur site déjà "
            "artificialisé.",
            "refused": "Refus : la procédure existante permet déjà la conduite en parallèle ; "
            "le service instructeur s'engage sur un délai de deux mois.",
        },
        "Circulaire aux préfets sur la conduite parallèle des procédures",
    ),
    (
        "environment",
        "Consultation du public pour une installation soumise à enregistrement",
        "La consultation du public d'une installation soumise à enregistrement dure quatre "
        "semaines et ne peut commencer qu'une fois le dossier complet.",
        "Code de l'environnement, art. R. 512-46-11",
        "Nouvelle unité de recyclage de plastiques techniques dans une friche industrielle "
        "réhabilitée.",
        {
            "partly_accepted": "Acceptée partiellement : la consultation peut s'ouvrir dès le "
            "dossier déclaré complet par voie dématérialisée ; sa durée reste inchangée.",
            "refused": "Refus : la durée de consultation est une garantie de participation du "
            "public que la dérogation ne peut réduire.",
        },
        "Décret simplifiant la procédure d'enregistrement",
    ),
    (
        "environment",
        "Dossier de demande d'enregistrement : pièces exigées",
        "Le dossier de demande d'enregistrement comprend des pièces redondantes avec l'étude "
        "déjà fournie pour le permis de construire.",
        "Code de l'environnement, art. R. 512-46-4",
        "Construction d'une plateforme logistique frigorifique adossée à une usine "
        "agroalimentaire.",
        {
            "accepted": "Acceptée : les pièces déjà produites au permis de construire sont "
            "reprises par renvoi, sans nouvelle production.",
            "refused": "Refus : les pièces répondent à des objets différents ; un modèle de "
            "dossier commun est proposé.",
        },
        "Arrêté fixant le modèle national de dossier",
    ),
    (
        "urbanism",
        "Hauteur maximale des constructions en zone d'activités",
        "Le plan local d'urbanisme limite la hauteur des bâtiments à 12 mètres, en deçà de ce "
        "qu'exige un stockage automatisé.",
        "Code de l'urbanisme, art. L. 152-6",
        "Magasin automatisé de 28 mètres de haut pour une usine de menuiseries industrielles.",
        {
            "accepted": "Acceptée : dérogation aux règles de hauteur accordée par l'autorité "
            "compétente, sous réserve d'une insertion paysagère.",
            "refused": "Refus : une modification simplifiée du PLU est la voie adaptée ; "
            "l'intercommunalité l'engage.",
        },
        "Modification simplifiée du PLU intercommunal",
    ),
    (
        "urbanism",
        "Délai d'instruction du permis de construire d'un bâtiment industriel",
        "Le délai de droit commun d'instruction d'un permis de construire est majoré lorsque le "
        "projet relève d'une autre législation.",
        "Code de l'urbanisme, art. R. 423-24",
        "Construction d'une usine de composants pour batteries sur un site clés en main.",
        {
            "accepted": "Acceptée : instruction en trois mois sur les sites clés en main, les "
            "consultations étant lancées en parallèle.",
            "partly_accepted": "Acceptée partiellement : le délai est réduit pour les "
            "consultations internes à l'État seulement.",
        },
        "Engagement de délai des services de l'État sur les sites clés en main",
    ),
    (
        "urbanism",
        "Archéologie préventive sur un terrain déjà diagnostiqué",
        "Un nouveau diagnostic d'archéologie préventive est prescrit alors que le terrain a été "
        "diagnostiqué lors de l'aménagement de la zone.",
        "Code du patrimoine, art. R. 523-4",
        "Implantation d'une unité de production de panneaux bois sur une parcelle d'une zone "
        "aménagée en 2005.",
        {
            "accepted": "Acceptée : le diagnostic réalisé à l'aménagement de la zone vaut pour "
            "la parcelle, sans nouvelle prescription.",
            "refused": "Refus : le premier diagnostic ne couvre pas la profondeur des "
            "fondations prévues.",
        },
        "",
    ),
    (
        "labour",
        "Travail le dimanche pour un démarrage de ligne",
        "Le repos dominical interdit de faire fonctionner une nouvelle ligne en continu "
        "pendant sa phase de mise au point.",
        "Code du travail, art. L. 3132-3",
        "Mise en service d'une ligne d'extrusion qui ne peut être arrêtée pendant les six "
        "semaines de réglage.",
        {
            "partly_accepted": "Acceptée partiellement : dérogation temporaire de six semaines, "
            "sur la base du volontariat et avec majoration.",
            "refused": "Refus : la dérogation préfectorale de droit commun (art. L. 3132-20) "
            "répond au besoin.",
        },
        "Arrêté préfectoral de dérogation temporaire",
    ),
    (
        "labour",
        "Durée des contrats de professionnalisation pour des métiers en tension",
        "La durée maximale du contrat de professionnalisation ne permet pas de couvrir une "
        "formation longue de soudeur qualifié.",
        "Code du travail, art. L. 6325-11",
        "Programme de formation de 30 soudeurs dans un bassin d'emploi de chaudronnerie.",
        {
            "accepted": "Acceptée : durée portée à 36 mois pour les qualifications visées par "
            "la branche.",
            "refused": "Refus : l'accord de branche permet déjà 24 mois ; l'apprentissage est "
            "proposé comme alternative.",
        },
        "Avenant à l'accord de branche",
    ),
    (
        "tax",
        "Taxe d'aménagement sur les surfaces de stockage",
        "Les surfaces de stockage d'un entrepôt intégré à l'usine entrent dans l'assiette de "
        "la taxe d'aménagement.",
        "Code de l'urbanisme, art. L. 331-10",
        "Relocalisation d'une production de pièces mécaniques avec un entrepôt de 6 000 m².",
        {
            "refused": "Refus : l'exonération relève d'une délibération de la collectivité, "
            "qui peut l'adopter.",
            "partly_accepted": "Acceptée partiellement : abattement voté par l'intercommunalité "
            "sur les locaux industriels.",
        },
        "Délibération de l'intercommunalité",
    ),
    (
        "tax",
        "Suramortissement d'équipements de robotique",
        "Le dispositif d'amortissement accéléré ne couvre pas les équipements achetés par "
        "crédit-bail avant l'ouverture du site.",
        "Code général des impôts, art. 39 decies",
        "Robotisation d'une ligne d'assemblage par une PME sous-traitante automobile.",
        {
            "refused": "Refus : une mesure fiscale générale ne peut être adaptée à un seul "
            "territoire par la voie de l'expérimentation.",
        },
        "",
    ),
    (
        "energy",
        "Raccordement au réseau électrique d'une usine électro-intensive",
        "Le délai de raccordement d'une puissance de plus de 12 MW dépasse la date de "
        "démarrage prévue.",
        "Code de l'énergie, art. L. 342-3",
        "Électrification d'un four de verrerie pour décarboner la production.",
        {
            "partly_accepted": "Acceptée partiellement : raccordement provisoire à puissance "
            "réduite en attendant le renforcement du poste source.",
            "accepted": "Acceptée : procédure de raccordement anticipé au titre des projets "
            "industriels d'intérêt majeur.",
        },
        "Convention de raccordement anticipé",
    ),
    (
        "energy",
        "Autoconsommation collective entre sites d'une zone d'activités",
        "Le périmètre de l'autoconsommation collective limite la distance entre producteur et "
        "consommateurs.",
        "Code de l'énergie, art. L. 315-2",
        "Centrale photovoltaïque en toiture partagée entre cinq industriels d'une zone "
        "d'activités.",
        {
            "accepted": "Acceptée : périmètre étendu à 10 km pour l'opération, à titre "
            "expérimental.",
            "refused": "Refus : le critère de proximité peut déjà être élargi par arrêté ; "
            "demande transmise.",
        },
        "Arrêté élargissant le critère de proximité",
    ),
    (
        "other",
        "Transport exceptionnel de pièces de grande longueur",
        "L'autorisation de transport exceptionnel est demandée convoi par convoi, sur des "
        "itinéraires pourtant identiques.",
        "Code de la route, art. R. 433-1",
        "Livraison hebdomadaire de poutres de charpente métallique de 40 mètres.",
        {
            "accepted": "Acceptée : autorisation pluriannuelle pour l'itinéraire habituel.",
            "partly_accepted": "Acceptée partiellement : autorisation annuelle, renouvelable.",
        },
        "Arrêté préfectoral d'itinéraire permanent",
    ),
    (
        "other",
        "Dépôt de garantie pour l'occupation d'une friche publique",
        "La convention d'occupation du domaine public impose une redevance et une garantie "
        "incompatibles avec un démarrage d'activité.",
        "Code général de la propriété des personnes publiques, art. L. 2125-1",
        "Installation d'un atelier de reconditionnement d'équipements dans une friche de l'État.",
        {
            "accepted": "Acceptée : occupation gratuite pendant 24 mois pour une activité "
            "d'intérêt général local.",
            "refused": "Refus : la gratuité est possible au titre de l'article L. 2125-1 sans "
            "expérimentation ; la préfecture l'instruit.",
        },
        "",
    ),
)
