//! The fields a column of a table can fill, their names, and the first guess from a header's
//! words (in the languages exports come in).

/// A field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ignore,
    Name,
    FirstName,
    MiddleName,
    LastName,
    Company,
    Role,
    Email,
    Phone,
    Linkedin,
    OtherLink,
    Tags,
    Notes,
    HowWeMet,
    StayInTouch,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Ignore,
        Field::Name,
        Field::FirstName,
        Field::MiddleName,
        Field::LastName,
        Field::Company,
        Field::Role,
        Field::Email,
        Field::Phone,
        Field::Linkedin,
        Field::OtherLink,
        Field::Tags,
        Field::Notes,
        Field::HowWeMet,
        Field::StayInTouch,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Ignore => "Leave out",
            Field::Name => "Full name",
            Field::FirstName => "First name",
            Field::MiddleName => "Middle name",
            Field::LastName => "Last name",
            Field::Company => "Company",
            Field::Role => "Role",
            Field::Email => "Email",
            Field::Phone => "Phone",
            Field::Linkedin => "LinkedIn profile",
            Field::OtherLink => "Other link",
            Field::Tags => "Tags",
            Field::Notes => "Notes",
            Field::HowWeMet => "How we met",
            Field::StayInTouch => "Stay in touch every N days",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::Name => "name",
            Field::FirstName => "first",
            Field::MiddleName => "middle",
            Field::LastName => "last",
            Field::Company => "company",
            Field::Role => "role",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Linkedin => "linkedin",
            Field::OtherLink => "link",
            Field::Tags => "tags",
            Field::Notes => "notes",
            Field::HowWeMet => "met",
            Field::StayInTouch => "rhythm",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field a header most likely means, from its words ("E-mail 1 - Value" is an email).
    pub fn guess(header: &str) -> Field {
        // Letters and digits of any script: "Prénom", "Vorname" and "氏名" are headers too,
        // in the languages LinkedIn and Google export in.
        let words: String = header
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let words = words.as_str();
        let is = |options: &[&str]| options.contains(&words);
        if is(&[
            "name",
            "fullname",
            "displayname",
            "contact",
            "contactname",
            "nomcomplet",
            "nombrecompleto",
            "nomecompleto",
            "vollständigername",
            "氏名",
            "名前",
            "フルネーム",
            "姓名",
        ]) {
            Field::Name
        } else if is(&[
            "firstname",
            "givenname",
            "first",
            "vorname",
            "prénom",
            "prenom",
            "nombre",
            "primeironome",
            "voornaam",
            "名",
        ]) {
            Field::FirstName
        } else if is(&["middlename", "additionalname", "middle", "zweitervorname"]) {
            Field::MiddleName
        } else if is(&[
            "lastname",
            "familyname",
            "surname",
            "last",
            "nachname",
            "familienname",
            "nom",
            "nomdefamille",
            "apellido",
            "apellidos",
            "sobrenome",
            "cognome",
            "achternaam",
            "姓",
        ]) {
            Field::LastName
        } else if is(&[
            "firma",
            "unternehmen",
            "entreprise",
            "société",
            "empresa",
            "azienda",
            "bedrijf",
            "会社",
            "会社名",
            "公司",
            "company",
            "organization",
            "organisation",
            "organizationname",
            "organization1name",
            "org",
            "employer",
            "companyname",
        ]) {
            Field::Company
        } else if is(&[
            "role",
            "title",
            "jobtitle",
            "position",
            "organizationtitle",
            "organization1title",
            "titel",
            "berufsbezeichnung",
            "poste",
            "fonction",
            "cargo",
            "puesto",
            "posizione",
            "functie",
            "役職",
            "職位",
        ]) {
            Field::Role
        } else if (words.contains("email") || words.contains("メール") || words.contains("邮箱"))
            && !words.contains("type")
            && !words.contains("label")
        {
            Field::Email
        } else if [
            "phone",
            "mobile",
            "telefon",
            "téléphone",
            "teléfono",
            "telefone",
            "電話",
            "电话",
        ]
        .iter()
        .any(|w| words.contains(w))
            && !words.contains("type")
            && !words.contains("label")
        {
            Field::Phone
        } else if words.contains("linkedin") {
            Field::Linkedin
        } else if is(&[
            "url",
            "website",
            "webpage",
            "website1value",
            "otherlink",
            "homepage",
            "link",
        ]) {
            Field::OtherLink
        } else if is(&["tags", "labels", "categories", "groupmembership", "groups"]) {
            Field::Tags
        } else if is(&[
            "notes",
            "note",
            "comments",
            "comment",
            "notizen",
            "notiz",
            "remarques",
            "notas",
            "メモ",
            "备注",
        ]) {
            Field::Notes
        } else if is(&["howwemet", "source"]) {
            Field::HowWeMet
        } else if is(&["stayintouch", "stayintouchdays", "stayintouchevery"]) {
            Field::StayInTouch
        } else {
            Field::Ignore
        }
    }
}
