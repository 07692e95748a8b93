import type { Label } from "../enums/label.ts";

/**
 * Every message the API can send, in both languages. Schemas and services name a
 * key, never a sentence, so the two languages cannot drift apart.
 */
export const messages = {
  "date.invalid": { fr: "Date invalide (attendu : AAAA-MM-JJ)", en: "Invalid date (expected YYYY-MM-DD)" },
  "date.outOfRange": {
    fr: "La date doit être comprise entre 1950 et 2100",
    en: "The date must be between 1950 and 2100",
  },
  "date.endBeforeStart": {
    fr: "La date de fin ne peut pas précéder la date de début",
    en: "The end date cannot be before the start date",
  },
  "siren.invalid": { fr: "Un SIREN compte exactement 9 chiffres", en: "A SIREN has exactly 9 digits" },
  "text.blank": { fr: "Ce champ ne peut pas être vide", en: "This field cannot be empty" },
  "email.invalid": { fr: "Adresse e-mail invalide", en: "Invalid email address" },
  "password.tooShort": {
    fr: "Le mot de passe doit compter au moins 12 caractères",
    en: "The password must be at least 12 characters long",
  },
  "password.weak": {
    fr: "Mot de passe trop facile à deviner : allongez-le, par exemple avec quatre mots sans rapport entre eux",
    en: "This password is too easy to guess: make it longer, for instance with four unrelated words",
  },
  "password.common": {
    fr: "Mot de passe trop courant (il figure dans les listes que les attaquants essaient en premier)",
    en: "This password is too common (it is on the lists attackers try first)",
  },
  "password.repeated": {
    fr: "Mot de passe fait de caractères répétés (comme « aaaa » ou « abcabc ») : trop facile à deviner",
    en: "This password repeats characters (like “aaaa” or “abcabc”): too easy to guess",
  },
  "password.sequence": {
    fr: "Mot de passe fait d'une suite (comme « abcd » ou « 1234 ») : trop facile à deviner",
    en: "This password is a sequence (like “abcd” or “1234”): too easy to guess",
  },
  "password.keyboard": {
    fr: "Mot de passe fait de touches voisines du clavier (comme « azerty ») : trop facile à deviner",
    en: "This password follows the keyboard (like “azerty” or “qwerty”): too easy to guess",
  },
  "password.dates": {
    fr: "Mot de passe bâti sur une date ou une année : trop facile à deviner",
    en: "This password is built on a date or a year: too easy to guess",
  },
  "password.word": {
    fr: "Un mot du dictionnaire seul est trop facile à deviner : ajoutez d'autres mots sans rapport",
    en: "A dictionary word on its own is too easy to guess: add other unrelated words",
  },
  "password.names": {
    fr: "Les prénoms et noms de famille sont trop faciles à deviner",
    en: "First names and surnames are too easy to guess",
  },
  "password.personal": {
    fr: "Mot de passe bâti sur le nom ou l'adresse e-mail du compte : trop facile à deviner",
    en: "This password is built on the account's name or e-mail address: too easy to guess",
  },
  "auth.invalidCredentials": {
    fr: "E-mail ou mot de passe incorrect",
    en: "Incorrect email or password",
  },
  "auth.throttled": {
    fr: "Trop de tentatives de connexion. Réessayez dans quelques minutes.",
    en: "Too many sign-in attempts. Try again in a few minutes.",
  },
  "idempotency.keyRequired": {
    fr: "Clé d'idempotence manquante : rechargez la page et recommencez",
    en: "Missing idempotency key: reload the page and try again",
  },
  "idempotency.reused": {
    fr: "Cette clé d'idempotence a déjà servi pour une autre demande",
    en: "This idempotency key was already used for another request",
  },
  "idempotency.inProgress": {
    fr: "Cette demande est encore en cours : patientez un instant",
    en: "This request is still being processed: wait a moment",
  },
  "auth.loginNotBatched": {
    fr: "Une seule connexion par requête.",
    en: "One sign-in per request.",
  },
  "auth.required": { fr: "Connexion requise", en: "Sign-in required" },
  "auth.wrongCurrentPassword": {
    fr: "Le mot de passe actuel est incorrect",
    en: "The current password is incorrect",
  },
  "accessRequest.decided": {
    fr: "Cette demande d'accès a déjà été traitée",
    en: "This access request has already been dealt with",
  },
  "auth.resetThrottled": {
    fr: "Trop de demandes pour cette adresse. Vérifiez votre boîte de réception (et les indésirables), ou réessayez dans un quart d'heure.",
    en: "Too many requests for this address. Check your inbox (and spam), or try again in a quarter of an hour.",
  },
  "passwordReset.invalid": {
    fr: "Ce lien de changement de mot de passe ne fonctionne pas : demandez-en un nouveau",
    en: "This password link does not work: ask for a new one",
  },
  "passwordReset.used": {
    fr: "Ce lien a déjà servi : connectez-vous avec votre nouveau mot de passe, ou demandez un nouveau lien",
    en: "This link has already been used: sign in with your new password, or ask for a new link",
  },
  "passwordReset.expired": {
    fr: "Ce lien a expiré (une heure) : demandez-en un nouveau",
    en: "This link has expired (one hour): ask for a new one",
  },
  "link.invalid": {
    fr: "Ce lien est incomplet : copiez-le en entier depuis le courriel",
    en: "This link is incomplete: copy all of it from the e-mail",
  },
  "invitation.invalid": {
    fr: "Ce lien d'invitation ne fonctionne pas : il a été remplacé par un plus récent ou retiré. Demandez une nouvelle invitation.",
    en: "This invitation link does not work: it was replaced by a newer one or withdrawn. Ask for a new invitation.",
  },
  "invitation.used": {
    fr: "Ce lien d'invitation a déjà servi : connectez-vous avec votre adresse e-mail",
    en: "This invitation link has already been used: sign in with your e-mail address",
  },
  "invitation.expired": {
    fr: "Ce lien d'invitation a expiré (7 jours) : demandez à l'administrateur de vous le renvoyer",
    en: "This invitation link has expired (7 days): ask the administrator to send it again",
  },
  "invitation.accountExists": {
    fr: "Un compte existe déjà pour cette adresse : connectez-vous, puis demandez le rattachement",
    en: "An account already exists for this address: sign in, then ask to be added",
  },
  "invitation.accountDisabled": {
    fr: "Le compte de cette adresse est désactivé : réactivez-le avant de l'inviter",
    en: "The account of this address is disabled: enable it before inviting it",
  },
  "forbidden.generic": {
    fr: "Vous n'avez pas les droits pour cette action",
    en: "You are not allowed to do this",
  },
  "forbidden.instanceAdmin": {
    fr: "Réservé aux administrateurs de l'instance",
    en: "Reserved to instance administrators",
  },
  "forbidden.accountAdministration": {
    fr: "Seul un administrateur de l'instance, ou de tous les territoires de cette personne, gère son compte",
    en: "Only an instance administrator, or an administrator of every territory this person belongs to, manages this account",
  },
  "account.self": {
    fr: "Vous ne pouvez pas désactiver votre propre compte",
    en: "You cannot disable your own account",
  },
  "auth.passwordChangeRequired": {
    fr: "Un administrateur demande un nouveau mot de passe : changez-le pour continuer",
    en: "An administrator requires a new password: change it to continue",
  },
  "forbidden.noMembership": {
    fr: "Votre compte n'est rattaché à aucun territoire : demandez à un administrateur",
    en: "Your account belongs to no territory: ask an administrator",
  },
  "forbidden.userAdministration": {
    fr: "Réservé aux administrateurs de l'instance ou d'un territoire",
    en: "Reserved to instance or territory administrators",
  },
  "forbidden.territoryRole": {
    fr: "Il faut le rôle « {role} » dans ce territoire",
    en: "You need the “{role}” role in this territory",
  },
  "forbidden.cooperationEdit": {
    fr: "Seuls les éditeurs d'un territoire membre peuvent modifier cette coopération",
    en: "Only editors of a member territory can edit this cooperation",
  },
  "forbidden.cooperationAdmin": {
    fr: "Seuls les administrateurs d'un territoire membre peuvent faire ce changement",
    en: "Only administrators of a member territory can make this change",
  },
  "notFound.entity": { fr: "{entity} introuvable", en: "{entity} not found" },
  "conflict.stale": {
    fr: "Un collègue a modifié cet élément entre-temps. Rechargez pour voir sa version.",
    en: "A colleague changed this item in the meantime. Reload to see their version.",
  },
  "conflict.duplicate": {
    fr: "Cet élément existe déjà ({field})",
    en: "This item already exists ({field})",
  },
  "conflict.reference": {
    fr: "Un élément lié n'existe pas ou est encore utilisé",
    en: "A related item does not exist or is still in use",
  },
  "cooperation.needsLead": {
    fr: "Une coopération garde exactement un chef de file",
    en: "A cooperation keeps exactly one lead",
  },
  "cooperation.alreadyMember": {
    fr: "Ce territoire est déjà membre de la coopération",
    en: "This territory is already a member of the cooperation",
  },
  "cooperation.sameForm": {
    fr: "La coopération a déjà cette forme d'engagement",
    en: "The cooperation already has this engagement form",
  },
  "cooperation.archived": {
    fr: "Cette coopération est archivée",
    en: "This cooperation is archived",
  },
  "cooperation.leadCannotLeave": {
    fr: "Le chef de file ne peut ni quitter la coopération ni changer de rôle : confiez d'abord ce rôle à un autre membre",
    en: "The lead can neither leave the cooperation nor change role: hand the lead over to another member first",
  },
  "cooperation.formerCannotLead": {
    fr: "Un territoire sorti de la coopération ne peut pas en être chef de file",
    en: "A territory that left the cooperation cannot be its lead",
  },
  "cooperation.alreadyLeft": {
    fr: "Ce territoire a déjà quitté la coopération",
    en: "This territory has already left the cooperation",
  },
  "cooperation.formChangeTooEarly": {
    fr: "Le changement ne peut pas précéder le début de la forme actuelle ({date})",
    en: "The change cannot precede the start of the current form ({date})",
  },
  "project.exactlyOneLead": {
    fr: "Un projet a exactement un chef de file",
    en: "A project has exactly one lead",
  },
  "project.duplicatePartner": {
    fr: "Ce territoire figure deux fois parmi les partenaires",
    en: "This territory is listed twice among the partners",
  },
  "project.illegalTransition": {
    fr: "Passage de « {from} » à « {to} » impossible",
    en: "Cannot move from “{from}” to “{to}”",
  },
  "project.archived": { fr: "Ce projet est archivé", en: "This project is archived" },
  "project.partnerNotMember": {
    fr: "Ce territoire n'est pas membre de la coopération : il ne peut pas être partenaire de ses projets",
    en: "This territory is not a member of the cooperation, so it cannot be a partner of its projects",
  },
  "forbidden.openToNetwork": {
    fr: "Seul le chef de file peut ouvrir ce projet à tout le réseau",
    en: "Only the lead partner can open this project to the whole network",
  },
  "action.territoryNotInvolved": {
    fr: "Une action ne nomme que les partenaires du projet ou les membres de la coopération",
    en: "An action names only the project's partners or the cooperation's members",
  },
  "forbidden.associateAdmin": {
    fr: "L'administrateur d'un membre associé ne peut ni retirer un membre à part entière ni désigner le chef de file",
    en: "An associate member's administrator can neither remove a full member nor choose the lead",
  },
  "timeline.notNamed": {
    fr: "Votre territoire n'est pas nommé dans cette entrée",
    en: "Your territory is not named in this entry",
  },
  "forbidden.projectEdit": {
    fr: "Seuls les éditeurs d'un territoire partenaire peuvent modifier ce projet",
    en: "Only editors of a partner territory can edit this project",
  },
  "forbidden.projectPartners": {
    fr: "Seuls les éditeurs du chef de file peuvent changer les partenaires",
    en: "Only editors of the lead territory can change the partners",
  },
  "action.needsAttachment": {
    fr: "Une action se rattache à un projet ou à une coopération",
    en: "An action belongs to a project or a cooperation",
  },
  "action.projectOutsideCooperation": {
    fr: "Ce projet n'appartient pas à cette coopération",
    en: "This project does not belong to this cooperation",
  },
  "timeline.oneScope": {
    fr: "Indiquez un seul périmètre : un territoire, une coopération ou un projet",
    en: "Give exactly one scope: a territory, a cooperation or a project",
  },
  "timeline.badCursor": {
    fr: "Curseur de pagination invalide : rechargez la liste",
    en: "Invalid pagination cursor: reload the list",
  },
  "territory.sameAsNeighbour": {
    fr: "Un territoire ne peut pas être son propre voisin",
    en: "A territory cannot be its own neighbour",
  },
  "territory.epciImported": {
    fr: "Les EPCI viennent de la liste officielle et ne se créent pas à la main",
    en: "EPCI come from the official list and cannot be created by hand",
  },
  "document.missingFile": { fr: "Joignez un fichier", en: "Attach a file" },
  "document.emptyFile": { fr: "Le fichier est vide", en: "The file is empty" },
  "document.tooLarge": {
    fr: "Le fichier dépasse la taille maximale de {max}",
    en: "The file is larger than the maximum of {max}",
  },
  "document.forbiddenType": {
    fr: "Type de fichier refusé : seuls les PDF, les images (PNG, JPEG, GIF, WebP) et les documents OpenDocument ou Office sont acceptés",
    en: "File type refused: only PDF, images (PNG, JPEG, GIF, WebP) and OpenDocument or Office documents are accepted",
  },
  "document.missingOwner": {
    fr: "Indiquez le projet ou l'action du document, avant le fichier",
    en: "Give the document's project or action, before the file",
  },
  "document.notMultipart": {
    fr: "Un fichier s'envoie en multipart/form-data",
    en: "A file is sent as multipart/form-data",
  },
  "document.malformed": {
    fr: "Envoi du fichier incomplet ou illisible, réessayez",
    en: "The file upload was incomplete or unreadable, try again",
  },
  "forbidden.crossOrigin": {
    fr: "Requête refusée : elle ne vient pas de Trame",
    en: "Request refused: it does not come from Trame",
  },
  "export.oneScope": {
    fr: "Indiquez exactement un territoire, une coopération ou un projet",
    en: "Give exactly one territory, cooperation or project",
  },
  "forbidden.calendarOwner": {
    fr: "Seule la personne qui a créé ce lien d'agenda peut le révoquer",
    en: "Only the person who created this calendar link can revoke it",
  },
  "funding.illegalTransition": {
    fr: "Une demande « {from} » ne peut pas passer à « {to} » (étapes possibles : {allowed})",
    en: "An application that is “{from}” cannot move to “{to}” (possible steps: {allowed})",
  },
  "funding.grantedRequired": {
    fr: "Indiquez le montant accordé pour accorder la demande",
    en: "Give the granted amount to grant the application",
  },
  "funding.grantedOnlyWhenGranting": {
    fr: "Le montant accordé se saisit seulement quand la demande est accordée",
    en: "The granted amount is given only when the application is granted",
  },
  "funding.grantedAboveRequested": {
    fr: "Le montant accordé ({granted}) dépasse le montant demandé ({requested})",
    en: "The granted amount ({granted}) is above the requested amount ({requested})",
  },
  "funding.grantedBelowPaid": {
    fr: "Le montant accordé ne peut pas être inférieur au total déjà versé ({paid})",
    en: "The granted amount cannot be below what has already been paid ({paid})",
  },
  "funding.decisionBeforeSubmission": {
    fr: "La date de décision ne peut pas précéder la date de dépôt ({date})",
    en: "The decision date cannot be before the submission date ({date})",
  },
  "funding.stepBeforeSubmission": {
    fr: "Cette étape ne peut pas précéder le dépôt de la demande ({date})",
    en: "This step cannot be dated before the application was submitted ({date})",
  },
  "funding.stepBeforeDecision": {
    fr: "La demande ne peut pas être soldée avant la décision ({date})",
    en: "The application cannot be closed before the decision ({date})",
  },
  "funding.closeNeedsComment": {
    fr: "Indiquez pourquoi la demande est soldée (par exemple : solde déclaré définitif)",
    en: "Say why the application is closed (for instance: final balance declared)",
  },
  "funding.closedFrozen": {
    fr: "Cette demande est soldée : ses montants ne changent plus",
    en: "This application is closed: its amounts no longer change",
  },
  "funding.paymentNotGranted": {
    fr: "Un versement ne s'enregistre que sur une demande accordée (statut actuel : {status})",
    en: "A payment can only be recorded on a granted application (current status: {status})",
  },
  "funding.paymentPositive": {
    fr: "Un versement est un montant entier de centimes supérieur à zéro",
    en: "A payment is a whole number of cents above zero",
  },
  "funding.paymentAboveRemaining": {
    fr: "Le versement ({amount}) dépasse le reste à verser ({remaining})",
    en: "The payment ({amount}) is above the amount still to be paid ({remaining})",
  },
  "funding.paymentBeforeDecision": {
    fr: "Un versement ne peut pas précéder la décision d'attribution ({date})",
    en: "A payment cannot be dated before the grant decision ({date})",
  },
  "funding.applicantNotPartner": {
    fr: "Le territoire demandeur doit être partenaire du projet",
    en: "The applicant territory must be a partner of the project",
  },
  "funding.programmeArchived": {
    fr: "Ce dispositif est archivé : il ne reçoit plus de demandes",
    en: "This programme is archived: it no longer takes applications",
  },
  "funding.documentOutsideProject": {
    fr: "Ce document n'est pas un document du projet",
    en: "This document is not one of the project's documents",
  },
  "funding.oneFunder": {
    fr: "Choisissez un financeur existant ou décrivez-en un nouveau (l'un ou l'autre)",
    en: "Choose an existing funder or describe a new one (one or the other)",
  },
  "funding.perimeter": {
    fr: "Un dispositif est national, ou limité à au moins une région ou un département",
    en: "A programme is national, or limited to at least one region or département",
  },
  "forbidden.applicationEdit": {
    fr: "Seuls les éditeurs du territoire demandeur ou du chef de file du projet gèrent cette demande",
    en: "Only editors of the applicant territory or of the project's lead manage this application",
  },
  "forbidden.projectFunding": {
    fr: "Seuls les éditeurs du chef de file peuvent saisir les fonds propres du projet",
    en: "Only editors of the lead territory can set the project's own funds",
  },
  "financing.notPartner": {
    fr: "Seuls les partenaires du projet apportent des fonds propres",
    en: "Only the project's partners bring own funds",
  },
  "input.invalid": { fr: "Saisie invalide", en: "Invalid input" },
  "server.unavailable": {
    fr: "Service momentanément indisponible, réessayez dans un instant",
    en: "Service temporarily unavailable, try again in a moment",
  },
  "text.invalidCharacter": {
    fr: "Ce texte contient un caractère invalide (caractère nul ou caractère Unicode incomplet)",
    en: "This text contains an invalid character (a NUL or an incomplete Unicode character)",
  },
  "transport.malformed": {
    fr: "Requête illisible : son contenu n'est pas du JSON valide",
    en: "Unreadable request: its body is not valid JSON",
  },
  "transport.unknownProcedure": {
    fr: "Opération inconnue de ce serveur : rechargez la page pour obtenir la dernière version de l'application",
    en: "Operation unknown to this server: reload the page to get the latest version of the app",
  },
  "transport.method": {
    fr: "Méthode HTTP non acceptée pour cette opération",
    en: "HTTP method not accepted for this operation",
  },
  "transport.tooLarge": { fr: "Requête trop volumineuse", en: "Request too large" },
  "transport.refused": { fr: "Requête refusée par le serveur", en: "Request refused by the server" },
  "request.notJson": {
    fr: "Requête refusée : l'application Trame envoie ses modifications en JSON",
    en: "Request refused: the Trame app sends its changes as JSON",
  },
  "import.file.tooLarge": {
    fr: "Le fichier dépasse {max} Mo",
    en: "The file is larger than {max} MB",
  },
  "import.file.tooManyRows": {
    fr: "Le fichier compte plus de {max} lignes : découpez-le en plusieurs imports",
    en: "The file has more than {max} rows: split it into several imports",
  },
  "import.file.notSpreadsheet": {
    fr: "Ce fichier n'est pas un classeur .xlsx ni un fichier .csv",
    en: "This file is neither an .xlsx workbook nor a .csv file",
  },
  "import.file.protected": {
    fr: "Ce classeur est protégé par un mot de passe (ou au vieux format .xls) : enregistrez-le sans mot de passe au format .xlsx",
    en: "This workbook is password-protected (or in the old .xls format): save it without a password as .xlsx",
  },
  "import.file.corrupt": {
    fr: "Ce classeur est illisible ou endommagé",
    en: "This workbook is unreadable or damaged",
  },
  "import.file.zipBomb": {
    fr: "Ce classeur se décompresse en une taille anormale : il est refusé par sécurité",
    en: "This workbook decompresses to an abnormal size: refused for safety",
  },
  "import.file.ods": {
    fr: "Le format .ods n'est pas encore pris en charge : enregistrez le classeur au format .xlsx",
    en: "The .ods format is not supported yet: save the workbook as .xlsx",
  },
  "import.file.noSheet": {
    fr: "La feuille « {sheet} » est introuvable ou vide",
    en: "The sheet “{sheet}” is missing or empty",
  },
  "import.mapping.unknownField": {
    fr: "Le champ « {value} » n'existe pas pour ce type d'import",
    en: "The field “{value}” does not exist for this kind of import",
  },
  "import.mapping.twice": {
    fr: "Le champ « {value} » est associé à deux colonnes",
    en: "The field “{value}” is mapped to two columns",
  },
  "import.commit.refused": {
    fr: "Import annulé : {count} ligne(s) en erreur, rien n'a été écrit. Corrigez-les ou importez seulement les lignes valides.",
    en: "Import cancelled: {count} row(s) in error, nothing was written. Fix them or import only the valid rows.",
  },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value);
}

/** A placeholder value: the same text in both languages, or one per language. */
export type MessageParams = Record<string, string | Label>;

/** The message in both languages, with `{name}` placeholders filled from params. */
export function translate(key: MessageKey, params: MessageParams = {}): Label {
  const fill = (text: string, locale: keyof Label) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return `{${name}}`;
      return typeof value === "string" ? value : value[locale];
    });
  const label = messages[key];
  return { fr: fill(label.fr, "fr"), en: fill(label.en, "en") };
}
