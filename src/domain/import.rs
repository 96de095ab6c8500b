//! Import of people from an HR system's CSV export: reading the file (`parse`) and working out
//! what it changes (`plan`). Both are pure; the store applies a plan in one transaction.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::io::{BufRead, BufReader, Read};

use time::Date;

use super::fields::{Email, EmployeeNumber, FieldError, Weekdays, optional_text, parse_date, required_text};
use super::org::nodes_on_cycles;
use super::{LocationId, PersonId, UnitId};

/// At most this many errors are listed; the count of all of them is still given.
pub const MAX_LISTED_ERRORS: usize = 200;
const MAX_TEXT: usize = 200;

/// A column of the import file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    EmployeeNumber,
    Name,
    Email,
    Title,
    Unit,
    Leader,
    Location,
    HomeOfficeDays,
    EndDate,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::EmployeeNumber,
        Column::Name,
        Column::Email,
        Column::Title,
        Column::Unit,
        Column::Leader,
        Column::Location,
        Column::HomeOfficeDays,
        Column::EndDate,
    ];

    pub fn is_required(self) -> bool {
        !matches!(self, Column::Title | Column::HomeOfficeDays | Column::EndDate)
    }

    /// The header written in the documented format (bokmål).
    pub fn header(self) -> &'static str {
        match self {
            Column::EmployeeNumber => "ansattnummer",
            Column::Name => "navn",
            Column::Email => "epost",
            Column::Title => "stilling",
            Column::Unit => "enhet",
            Column::Leader => "leder",
            Column::Location => "lokasjon",
            Column::HomeOfficeDays => "hjemmekontordager",
            Column::EndDate => "sluttdato",
        }
    }

    /// The Fluent id of the column's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Column::EmployeeNumber => "import-column-employee-number",
            Column::Name => "import-column-name",
            Column::Email => "import-column-email",
            Column::Title => "import-column-title",
            Column::Unit => "import-column-unit",
            Column::Leader => "import-column-leader",
            Column::Location => "import-column-location",
            Column::HomeOfficeDays => "import-column-home-office-days",
            Column::EndDate => "import-column-end-date",
        }
    }

    /// Recognises a header in bokmål, nynorsk or English, ignoring case, spaces, `-` and `_`.
    fn from_header(header: &str) -> Option<Column> {
        let h: String = header.chars().filter(|c| !matches!(c, ' ' | '-' | '_' | '.')).collect::<String>().to_lowercase();
        Some(match h.as_str() {
            "ansattnummer" | "ansattnr" | "tilsettnummer" | "tilsettnr" | "employeenumber" | "employeeno" | "employeeid" => {
                Column::EmployeeNumber
            }
            "navn" | "namn" | "name" | "fulltnavn" | "fullname" => Column::Name,
            "epost" | "epostadresse" | "email" | "mail" => Column::Email,
            "stilling" | "stillingstittel" | "tittel" | "title" | "jobtitle" => Column::Title,
            "enhet" | "eining" | "unit" | "unitpath" | "organisasjonsenhet" => Column::Unit,
            "leder" | "leiar" | "leader" | "manager" | "ledersansattnummer" | "leaderemployeenumber" => Column::Leader,
            "lokasjon" | "location" | "arbeidssted" | "arbeidsstad" | "site" => Column::Location,
            "hjemmekontordager" | "heimekontordagar" | "homeofficedays" => Column::HomeOfficeDays,
            "sluttdato" | "enddate" => Column::EndDate,
            _ => return None,
        })
    }
}

/// One valid line of the file. Units and sites are shared by many lines, so a line holds an
/// index into the file's tables of them (`Parsed::unit_paths`, `Parsed::locations`).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    pub line: usize,
    pub number: EmployeeNumber,
    pub name: String,
    pub email: Email,
    pub title: Option<String>,
    pub unit: usize,
    pub leader: Option<EmployeeNumber>,
    pub location: Option<usize>,
    pub home_office_days: Option<Weekdays>,
    pub end_date: Option<Date>,
}

/// A reason the file cannot be imported, usually tied to a line.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    NotUtf8 {
        line: usize,
    },
    Unreadable {
        line: usize,
    },
    MissingColumns {
        missing: Vec<Column>,
    },
    DuplicateColumn {
        column: Column,
    },
    FieldCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    Field {
        line: usize,
        column: Column,
        error: FieldError,
    },
    DuplicateEmployeeNumber {
        line: usize,
        first_line: usize,
    },
    DuplicateEmail {
        line: usize,
        first_line: usize,
    },
    EmailTaken {
        line: usize,
        holder: String,
    },
    UnknownLeader {
        line: usize,
        number: String,
    },
    OwnLeader {
        line: usize,
    },
    Cycle {
        line: usize,
        numbers: String,
    },
    UnknownLocation {
        line: usize,
        name: String,
    },
    /// The person leaves (an end date that has come) but still leads people who stay.
    LeavingLeader {
        line: usize,
        reports: String,
    },
}

impl ImportError {
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::Empty | ImportError::MissingColumns { .. } | ImportError::DuplicateColumn { .. } => None,
            ImportError::NotUtf8 { line }
            | ImportError::Unreadable { line }
            | ImportError::FieldCount { line, .. }
            | ImportError::Field { line, .. }
            | ImportError::DuplicateEmployeeNumber { line, .. }
            | ImportError::DuplicateEmail { line, .. }
            | ImportError::EmailTaken { line, .. }
            | ImportError::UnknownLeader { line, .. }
            | ImportError::OwnLeader { line }
            | ImportError::Cycle { line, .. }
            | ImportError::UnknownLocation { line, .. }
            | ImportError::LeavingLeader { line, .. } => Some(*line),
        }
    }

    /// The column the error is about, if one.
    pub fn column(&self) -> Option<Column> {
        match self {
            ImportError::Field { column, .. } => Some(*column),
            ImportError::DuplicateColumn { column } => Some(*column),
            _ => None,
        }
    }

    /// The Fluent id of the message and its arguments (column names are listed by their header).
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ImportError::Empty => ("import-error-empty", vec![]),
            ImportError::NotUtf8 { .. } => ("import-error-not-utf8", vec![]),
            ImportError::Unreadable { .. } => ("import-error-unreadable", vec![]),
            ImportError::MissingColumns { missing } => {
                ("import-error-missing-columns", vec![("columns", missing.iter().map(|c| c.header()).collect::<Vec<_>>().join(", "))])
            }
            ImportError::DuplicateColumn { .. } => ("import-error-duplicate-column", vec![]),
            ImportError::FieldCount { expected, found, .. } => {
                ("import-error-field-count", vec![("expected", expected.to_string()), ("found", found.to_string())])
            }
            ImportError::Field { error, .. } => error.message(),
            ImportError::DuplicateEmployeeNumber { first_line, .. } => {
                ("import-error-duplicate-number", vec![("first", first_line.to_string())])
            }
            ImportError::DuplicateEmail { first_line, .. } => ("import-error-duplicate-email", vec![("first", first_line.to_string())]),
            ImportError::EmailTaken { holder, .. } => ("import-error-email-taken", vec![("holder", holder.clone())]),
            ImportError::UnknownLeader { number, .. } => ("import-error-unknown-leader", vec![("number", number.clone())]),
            ImportError::OwnLeader { .. } => ("import-error-own-leader", vec![]),
            ImportError::Cycle { numbers, .. } => ("import-error-cycle", vec![("numbers", numbers.clone())]),
            ImportError::UnknownLocation { name, .. } => ("import-error-unknown-location", vec![("name", name.clone())]),
            ImportError::LeavingLeader { reports, .. } => ("import-error-leaving-leader", vec![("numbers", reports.clone())]),
        }
    }
}

/// The valid lines of a file, with which optional columns it had.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub rows: Vec<ImportRow>,
    /// The columns the file had; a missing optional column leaves stored values as they are.
    pub columns: Vec<Column>,
    /// Each unit path of the file once, in order of first use.
    pub unit_paths: Vec<Vec<String>>,
    /// Each site name of the file once, as written.
    pub locations: Vec<String>,
}

impl Parsed {
    pub fn unit_path(&self, row: &ImportRow) -> &[String] {
        &self.unit_paths[row.unit]
    }

    pub fn location(&self, row: &ImportRow) -> Option<&str> {
        row.location.map(|i| self.locations[i].as_str())
    }
}

/// Values many lines share, kept once: the lines hold their index.
struct Shared<K> {
    index: HashMap<K, usize>,
    items: Vec<K>,
}

impl<K: Clone + Eq + Hash> Shared<K> {
    fn new() -> Self {
        Shared { index: HashMap::new(), items: Vec::new() }
    }

    fn index_of(&mut self, key: K) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.items.push(key.clone());
        self.index.insert(key, self.items.len() - 1);
        self.items.len() - 1
    }
}

/// All errors found, the first `MAX_LISTED_ERRORS` of them kept, sorted by line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Errors {
    pub listed: Vec<ImportError>,
    pub total: usize,
}

impl Errors {
    fn push(&mut self, e: ImportError) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED_ERRORS {
            self.listed.push(e);
        }
    }

    fn one(e: ImportError) -> Errors {
        let mut errors = Errors::default();
        errors.push(e);
        errors
    }

    fn into_result<T>(mut self, ok: T) -> Result<T, Errors> {
        if self.total == 0 {
            Ok(ok)
        } else {
            self.listed.sort_by_key(|e| e.line().unwrap_or(0));
            Err(self)
        }
    }
}

/// Reads a file as it streams in: UTF-8 with or without BOM, `;` or `,` between fields
/// (whichever the header line uses). Every bad line gets its own error.
pub fn parse<R: Read>(input: R) -> Result<Parsed, Errors> {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let (skip_bom, delimiter) = {
        let Ok(head) = reader.fill_buf() else { return Err(Errors::one(ImportError::Unreadable { line: 1 })) };
        let skip = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let first_line = head[skip..].split(|b| *b == b'\n').next().unwrap_or(&[]);
        let count = |sep: u8| first_line.iter().filter(|b| **b == sep).count();
        let delimiter = if count(b';') >= count(b',') && count(b';') > 0 { b';' } else { b',' };
        (skip, delimiter)
    };
    reader.consume(skip_bom);

    let mut csv = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(reader);
    let mut records = csv.byte_records();

    let header = match records.next() {
        None => return Err(Errors::one(ImportError::Empty)),
        Some(Err(_)) => return Err(Errors::one(ImportError::Unreadable { line: 1 })),
        Some(Ok(record)) => record,
    };
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.len());
    for field in header.iter() {
        let Ok(text) = std::str::from_utf8(field) else { return Err(Errors::one(ImportError::NotUtf8 { line: 1 })) };
        let column = Column::from_header(text);
        if let Some(c) = column
            && columns.contains(&Some(c))
        {
            return Err(Errors::one(ImportError::DuplicateColumn { column: c }));
        }
        columns.push(column);
    }
    let missing: Vec<Column> = Column::ALL.into_iter().filter(|c| c.is_required() && !columns.contains(&Some(*c))).collect();
    if !missing.is_empty() {
        return Err(Errors::one(ImportError::MissingColumns { missing }));
    }

    let mut errors = Errors::default();
    let mut rows = Vec::new();
    let mut unit_paths = Shared::new();
    let mut locations = Shared::new();
    let mut line = 1;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                line = e.position().map_or(line + 1, |p| p.line() as usize);
                errors.push(ImportError::Unreadable { line });
                continue;
            }
        };
        line = record.position().map_or(line + 1, |p| p.line() as usize);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let extra_is_blank = record.iter().skip(columns.len()).all(|f| f.iter().all(u8::is_ascii_whitespace));
        if record.len() < columns.len() || !extra_is_blank {
            errors.push(ImportError::FieldCount { line, expected: columns.len(), found: record.len() });
            continue;
        }
        let mut fields: HashMap<Column, &str> = HashMap::with_capacity(columns.len());
        let mut utf8_ok = true;
        for (column, raw) in columns.iter().zip(record.iter()) {
            match (column, std::str::from_utf8(raw)) {
                (_, Err(_)) => utf8_ok = false,
                (Some(c), Ok(text)) => {
                    fields.insert(*c, text);
                }
                (None, Ok(_)) => {}
            }
        }
        if !utf8_ok {
            errors.push(ImportError::NotUtf8 { line });
            continue;
        }
        match parse_row(line, &fields, &mut unit_paths, &mut locations) {
            Ok(row) => rows.push(row),
            Err(row_errors) => row_errors.into_iter().for_each(|e| errors.push(e)),
        }
    }
    if rows.is_empty() && errors.total == 0 {
        errors.push(ImportError::Empty);
    }
    rows.shrink_to_fit();
    let columns = columns.into_iter().flatten().collect();
    errors.into_result(Parsed { rows, columns, unit_paths: unit_paths.items, locations: locations.items })
}

fn parse_row(
    line: usize,
    fields: &HashMap<Column, &str>,
    unit_paths: &mut Shared<Vec<String>>,
    locations: &mut Shared<String>,
) -> Result<ImportRow, Vec<ImportError>> {
    let mut errors = Vec::new();
    let get = |c: Column| fields.get(&c).copied();
    let mut check = |column: Column, result: Result<(), FieldError>| {
        if let Err(error) = result {
            errors.push(ImportError::Field { line, column, error });
        }
    };

    let number = EmployeeNumber::parse(get(Column::EmployeeNumber).unwrap_or(""));
    let name = required_text(get(Column::Name).unwrap_or(""), MAX_TEXT);
    let email = Email::parse(get(Column::Email).unwrap_or(""));
    let title = get(Column::Title).map(|t| optional_text(t, MAX_TEXT)).transpose();
    let unit_path = parse_unit_path(get(Column::Unit).unwrap_or(""));
    let leader = match get(Column::Leader).map(str::trim) {
        None | Some("") => Ok(None),
        Some(n) => EmployeeNumber::parse(n).map(Some),
    };
    let location = match get(Column::Location).map(str::trim) {
        None | Some("") => Ok(None),
        Some(l) => optional_text(l, MAX_TEXT).map(Some),
    };
    let days = get(Column::HomeOfficeDays).map(Weekdays::parse).transpose();
    let end_date = match get(Column::EndDate).map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => parse_date(d).map(Some),
    };

    check(Column::EmployeeNumber, number.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Name, name.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Email, email.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Title, title.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Unit, unit_path.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Leader, leader.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::Location, location.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::HomeOfficeDays, days.as_ref().map(|_| ()).map_err(Clone::clone));
    check(Column::EndDate, end_date.as_ref().map(|_| ()).map_err(Clone::clone));

    match (number, name, email, title, unit_path, leader, location, days, end_date) {
        (Ok(number), Ok(name), Ok(email), Ok(title), Ok(unit_path), Ok(leader), Ok(location), Ok(home_office_days), Ok(end_date)) => {
            let unit = unit_paths.index_of(unit_path);
            let location = location.map(|l| locations.index_of(l));
            Ok(ImportRow { line, number, name, email, title, unit, leader, location, home_office_days, end_date })
        }
        _ => Err(errors),
    }
}

/// "Avdeling Nord / Team Tromsø" → ["Avdeling Nord", "Team Tromsø"]; empty levels are refused.
pub fn parse_unit_path(input: &str) -> Result<Vec<String>, FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Required);
    }
    input.split('/').map(|level| required_text(level, MAX_TEXT)).collect::<Result<Vec<_>, _>>()
}

/// A person as stored, for comparison with the file.
#[derive(Clone, Debug)]
pub struct ExistingPerson {
    pub id: PersonId,
    pub number: String,
    pub name: String,
    pub email: String,
    pub title: String,
    pub unit: Option<UnitId>,
    pub leader: Option<PersonId>,
    pub location: Option<LocationId>,
    pub home_office_days: Weekdays,
    pub active: bool,
    pub end_date: Option<Date>,
    pub is_admin: bool,
}

#[derive(Clone, Debug)]
pub struct ExistingUnit {
    pub id: UnitId,
    pub parent: Option<UnitId>,
    pub name: String,
    pub active: bool,
}

#[derive(Clone, Debug)]
pub struct ExistingLocation {
    pub id: LocationId,
    pub name: String,
    pub active: bool,
}

/// What the database holds now, as far as an import needs to know.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub people: Vec<ExistingPerson>,
    pub units: Vec<ExistingUnit>,
    pub locations: Vec<ExistingLocation>,
}

/// A person as the import leaves them.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonData {
    pub number: EmployeeNumber,
    pub name: String,
    pub email: Email,
    pub title: String,
    /// Index into `Plan::unit_paths`.
    pub unit: usize,
    pub leader: Option<EmployeeNumber>,
    pub location: Option<LocationId>,
    pub home_office_days: Weekdays,
    pub active: bool,
    pub end_date: Option<Date>,
}

/// What changed for a person already known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Name,
    Email,
    Title,
    Unit,
    Leader,
    Location,
    HomeOfficeDays,
    EndDate,
    Reactivated,
    Deactivated,
}

impl Change {
    pub fn label_key(self) -> &'static str {
        match self {
            Change::Name => "import-column-name",
            Change::Email => "import-column-email",
            Change::Title => "import-column-title",
            Change::Unit => "import-column-unit",
            Change::Leader => "import-column-leader",
            Change::Location => "import-column-location",
            Change::HomeOfficeDays => "import-column-home-office-days",
            Change::EndDate => "import-column-end-date",
            Change::Reactivated => "import-change-reactivated",
            Change::Deactivated => "import-change-deactivated",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub id: PersonId,
    pub data: PersonData,
    pub changes: Vec<Change>,
}

/// Someone deactivated because a full export left them out.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaver {
    pub id: PersonId,
    pub number: String,
    pub name: String,
}

/// Everything an import will do; empty when the file matches the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Unit paths to create, parents before children.
    pub new_units: Vec<Vec<String>>,
    pub reactivated_units: Vec<UnitId>,
    pub create: Vec<PersonData>,
    pub update: Vec<Update>,
    pub leavers: Vec<Leaver>,
    pub unchanged: usize,
    /// The file's unit paths, which `PersonData::unit` points into.
    pub unit_paths: Vec<Vec<String>>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.new_units.is_empty()
            && self.reactivated_units.is_empty()
            && self.create.is_empty()
            && self.update.is_empty()
            && self.leavers.is_empty()
    }

    pub fn unit_path(&self, person: &PersonData) -> &[String] {
        &self.unit_paths[person.unit]
    }
}

/// The path of every known unit, from the root down.
pub fn unit_paths(units: &[ExistingUnit]) -> HashMap<UnitId, Vec<String>> {
    let by_id: HashMap<UnitId, &ExistingUnit> = units.iter().map(|u| (u.id, u)).collect();
    let mut paths = HashMap::with_capacity(units.len());
    for unit in units {
        let mut path = Vec::new();
        let mut seen = HashSet::new();
        let mut current = Some(unit);
        while let Some(u) = current {
            if !seen.insert(u.id) {
                break;
            }
            path.push(u.name.clone());
            current = u.parent.and_then(|p| by_id.get(&p).copied());
        }
        path.reverse();
        paths.insert(unit.id, path);
    }
    paths
}

/// Works out what the file changes. `full` declares the file a full export: active people
/// missing from it are deactivated (administrators excepted, so HR cannot lock itself out).
/// The lines are moved into the plan rather than copied: a large file is held once.
pub fn plan(parsed: Parsed, snapshot: &Snapshot, full: bool, today: Date) -> Result<Plan, Errors> {
    let Parsed { rows, columns, unit_paths: file_paths, locations: file_locations } = parsed;
    let mut errors = Errors::default();
    let existing: HashMap<&str, &ExistingPerson> = snapshot.people.iter().map(|p| (p.number.as_str(), p)).collect();
    let number_of: HashMap<PersonId, &str> = snapshot.people.iter().map(|p| (p.id, p.number.as_str())).collect();
    let site_ids: HashMap<String, LocationId> =
        snapshot.locations.iter().filter(|l| l.active).map(|l| (l.name.trim().to_lowercase(), l.id)).collect();
    // Each site name of the file looked up once, not once per line.
    let site_of: Vec<Option<LocationId>> = file_locations.iter().map(|name| site_ids.get(&name.to_lowercase()).copied()).collect();

    // Each employee number and e-mail once in the file.
    let mut line_of: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    let mut email_line: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    for row in &rows {
        if let Some(&first_line) = line_of.get(row.number.as_str()) {
            errors.push(ImportError::DuplicateEmployeeNumber { line: row.line, first_line });
        } else {
            line_of.insert(row.number.as_str(), row.line);
        }
        if let Some(&first_line) = email_line.get(row.email.as_str()) {
            errors.push(ImportError::DuplicateEmail { line: row.line, first_line });
        } else {
            email_line.insert(row.email.as_str(), row.line);
        }
    }
    // An e-mail already held by someone the file does not mention stays theirs.
    for person in snapshot.people.iter().filter(|p| !line_of.contains_key(p.number.as_str())) {
        if let Some(&line) = email_line.get(person.email.as_str()) {
            errors.push(ImportError::EmailTaken { line, holder: person.number.clone() });
        }
    }
    drop(email_line);

    // Leaders: in the file, or active and staying so.
    let stays_active = |number: &str| existing.get(number).is_some_and(|p| p.active && (!full || p.is_admin));
    for row in &rows {
        if let Some(leader) = &row.leader {
            if leader == &row.number {
                errors.push(ImportError::OwnLeader { line: row.line });
            } else if !line_of.contains_key(leader.as_str()) && !stays_active(leader.as_str()) {
                errors.push(ImportError::UnknownLeader { line: row.line, number: leader.to_string() });
            }
        }
    }

    // No loops in the reporting lines the import leaves behind.
    {
        // The file and the database mostly name the same people.
        let mut leader_of: HashMap<&str, &str> = HashMap::with_capacity(snapshot.people.len().max(rows.len()));
        for person in &snapshot.people {
            if let Some(leader) = person.leader.and_then(|l| number_of.get(&l)) {
                leader_of.insert(person.number.as_str(), leader);
            }
        }
        // A duplicated number is already an error; its first line stands for it here.
        for row in rows.iter().filter(|r| line_of.get(r.number.as_str()) == Some(&r.line)) {
            match &row.leader {
                Some(l) if l != &row.number => leader_of.insert(row.number.as_str(), l.as_str()),
                _ => leader_of.remove(row.number.as_str()),
            };
        }
        let on_cycle = nodes_on_cycles(&leader_of);
        if !on_cycle.is_empty() {
            let numbers = on_cycle.join(", ");
            for row in rows.iter().filter(|r| on_cycle.contains(&r.number.as_str())) {
                errors.push(ImportError::Cycle { line: row.line, numbers: numbers.clone() });
            }
        }
    }

    // Units: known paths are reused (a deactivated unit comes back), new ones are created.
    let paths = unit_paths(&snapshot.units);
    let mut unit_by_path: HashMap<&[String], &ExistingUnit> = HashMap::new();
    for unit in &snapshot.units {
        if let Some(path) = paths.get(&unit.id) {
            let keep = unit_by_path.get(path.as_slice()).is_none_or(|u| !u.active && unit.active);
            if keep {
                unit_by_path.insert(path.as_slice(), unit);
            }
        }
    }
    let mut new_units: Vec<Vec<String>> = Vec::new();
    let mut reactivated_units: Vec<UnitId> = Vec::new();
    let mut seen_paths: HashSet<&[String]> = HashSet::new();
    for path in &file_paths {
        for depth in 1..=path.len() {
            let prefix = &path[..depth];
            if !seen_paths.insert(prefix) {
                continue;
            }
            match unit_by_path.get(prefix) {
                Some(u) if !u.active => reactivated_units.push(u.id),
                Some(_) => {}
                None => new_units.push(prefix.to_vec()),
            }
        }
    }
    new_units.sort_by_key(Vec::len);
    reactivated_units.sort();

    // Sites must exist; end dates decide who leaves.
    let keeps_stored_end_date = !columns.contains(&Column::EndDate);
    let end_date_of = |row: &ImportRow| match (row.end_date, existing.get(row.number.as_str())) {
        (Some(d), _) => Some(d),
        (None, Some(p)) if keeps_stored_end_date => p.end_date,
        _ => None,
    };
    let mut leaving: HashMap<&str, usize> = HashMap::new();
    let mut staying_leader: Vec<(&str, &str)> = Vec::new();
    for row in &rows {
        if let Some(i) = row.location
            && site_of[i].is_none()
        {
            errors.push(ImportError::UnknownLocation { line: row.line, name: file_locations[i].clone() });
        }
        if end_date_of(row).is_some_and(|d| d <= today) {
            leaving.insert(row.number.as_str(), row.line);
        } else if let Some(leader) = row.leader.as_ref().filter(|l| *l != &row.number) {
            staying_leader.push((row.number.as_str(), leader.as_str()));
        }
    }

    let mut leavers = Vec::new();
    if full {
        for p in snapshot.people.iter().filter(|p| p.active && !p.is_admin && !line_of.contains_key(p.number.as_str())) {
            leavers.push(Leaver { id: p.id, number: p.number.clone(), name: p.name.clone() });
        }
    }

    // Someone who leaves by an end date may not go on leading people who stay.
    if !leaving.is_empty() {
        let stays_outside_file = |p: &&ExistingPerson| p.active && !line_of.contains_key(p.number.as_str()) && (!full || p.is_admin);
        let outside =
            snapshot.people.iter().filter(stays_outside_file).filter_map(|p| Some((p.number.as_str(), *number_of.get(&p.leader?)?)));
        let mut led: HashMap<&str, Vec<&str>> = HashMap::new();
        for (report, leader) in staying_leader.into_iter().chain(outside) {
            if leaving.contains_key(leader) {
                led.entry(leader).or_default().push(report);
            }
        }
        for (leader, mut reports) in led {
            reports.sort_unstable();
            errors.push(ImportError::LeavingLeader { line: leaving[leader], reports: reports.join(", ") });
        }
    }
    if errors.total > 0 {
        return errors.into_result(Plan::default());
    }
    drop(leaving);
    drop(line_of);

    // People: new, changed or as before.
    let new_people = rows.iter().filter(|r| !existing.contains_key(r.number.as_str())).count();
    let mut plan = Plan { new_units, reactivated_units, leavers, ..Plan::default() };
    plan.create.reserve_exact(new_people);
    for row in rows {
        let before = existing.get(row.number.as_str()).copied();
        let end_date = end_date_of(&row);
        let data = PersonData {
            title: row.title.or_else(|| before.map(|p| p.title.clone())).unwrap_or_default(),
            unit: row.unit,
            leader: row.leader.filter(|l| l != &row.number),
            location: row.location.and_then(|i| site_of[i]),
            home_office_days: row.home_office_days.or_else(|| before.map(|p| p.home_office_days)).unwrap_or_default(),
            active: end_date.is_none_or(|d| d > today),
            end_date,
            number: row.number,
            name: row.name,
            email: row.email,
        };
        let Some(p) = before else {
            plan.create.push(data);
            continue;
        };
        let old_unit_path = p.unit.and_then(|u| paths.get(&u)).map(Vec::as_slice);
        let old_leader = p.leader.and_then(|l| number_of.get(&l).copied());
        let mut changes = Vec::new();
        let mut note = |changed: bool, change: Change| {
            if changed {
                changes.push(change);
            }
        };
        note(p.name != data.name, Change::Name);
        note(p.email != data.email.as_str(), Change::Email);
        note(p.title != data.title, Change::Title);
        note(old_unit_path != Some(file_paths[data.unit].as_slice()), Change::Unit);
        note(old_leader != data.leader.as_ref().map(|l| l.as_str()), Change::Leader);
        note(p.location != data.location, Change::Location);
        note(p.home_office_days != data.home_office_days, Change::HomeOfficeDays);
        note(p.end_date != data.end_date, Change::EndDate);
        note(!p.active && data.active, Change::Reactivated);
        note(p.active && !data.active, Change::Deactivated);
        if changes.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.update.push(Update { id: p.id, data, changes });
        }
    }
    order_leaders_first(&mut plan.create);
    plan.unit_paths = file_paths;
    Ok(plan)
}

/// Orders new people so that a leader comes before everyone they lead, the file's order kept
/// otherwise: written in this order, each person's leader already has an id.
fn order_leaders_first(people: &mut [PersonData]) {
    const UNKNOWN: u32 = u32::MAX;
    let mut depth = vec![UNKNOWN; people.len()];
    {
        let index: HashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.number.as_str(), i)).collect();
        let mut chain = Vec::new();
        for start in 0..people.len() {
            // Walk up to someone placed already, or to a leader who is not new.
            chain.clear();
            let mut above = 0;
            let mut next = Some(start);
            while let Some(i) = next {
                if depth[i] != UNKNOWN {
                    above = depth[i] + 1;
                    break;
                }
                // Cycles are refused before this; the bound only guards the loop.
                if chain.len() > people.len() {
                    break;
                }
                chain.push(i);
                next = people[i].leader.as_ref().and_then(|l| index.get(l.as_str()).copied());
            }
            for (level, &i) in chain.iter().rev().enumerate() {
                depth[i] = depth[i].min(above + level as u32);
            }
        }
    }
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&i| depth[i]);
    // Moves each person to their place by following the permutation's cycles, without a copy.
    for start in 0..people.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            people.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 24);
    const HEADER: &str = "ansattnummer;navn;epost;enhet;leder;lokasjon;hjemmekontordager\n";

    fn parse_str(s: &str) -> Result<Parsed, Errors> {
        parse(s.as_bytes())
    }

    fn oslo() -> Snapshot {
        Snapshot {
            locations: vec![
                ExistingLocation { id: LocationId(1), name: "Oslo".into(), active: true },
                ExistingLocation { id: LocationId(2), name: "Bodø".into(), active: true },
            ],
            ..Snapshot::default()
        }
    }

    fn lines_of(errors: &Errors) -> Vec<Option<usize>> {
        errors.listed.iter().map(ImportError::line).collect()
    }

    #[test]
    fn reads_semicolons_with_bom_and_commas_without() {
        let semi = format!("\u{feff}{HEADER}1;Liv Johansen;liv@x.no;Stab;;Oslo;man fre\n");
        let rows = parse_str(&semi).unwrap().rows;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].home_office_days, Some(Weekdays::from_days([1, 5])));

        let comma = "employee_number,name,email,unit,leader,location\n1,Liv,liv@x.no,\"Avd, Nord/Team\",,\n";
        let parsed = parse_str(comma).unwrap();
        assert_eq!(parsed.unit_path(&parsed.rows[0]), ["Avd, Nord".to_string(), "Team".to_string()]);
        assert_eq!(parsed.rows[0].home_office_days, None);
    }

    #[test]
    fn every_bad_line_gets_its_own_error() {
        let file =
            format!("{HEADER}1;Liv;liv@x.no;Stab;;Oslo;\n2;;no-email;Stab;;Oslo;\n3;Per;per@x.no;Stab;;Oslo;blå\n4;Kari;kari@x.no\n");
        let errors = parse_str(&file).unwrap_err();
        assert_eq!(lines_of(&errors), vec![Some(3), Some(3), Some(4), Some(5)]);
        assert!(matches!(errors.listed[3], ImportError::FieldCount { expected: 7, found: 3, .. }));
    }

    #[test]
    fn wrong_header_empty_file_and_bad_encoding_are_refused() {
        let missing = parse_str("nummer;navn\n1;Liv\n").unwrap_err();
        assert!(matches!(&missing.listed[0], ImportError::MissingColumns { missing } if missing.contains(&Column::EmployeeNumber)));
        assert_eq!(parse_str("").err().map(|e| e.listed), Some(vec![ImportError::Empty]));
        assert_eq!(parse_str(HEADER).err().map(|e| e.listed), Some(vec![ImportError::Empty]));
        let latin1 = [HEADER.as_bytes(), b"1;Bj\xf8rn;b@x.no;Stab;;Oslo;\n"].concat();
        assert_eq!(parse(&latin1[..]).err().map(|e| e.listed), Some(vec![ImportError::NotUtf8 { line: 2 }]));
    }

    #[test]
    fn new_file_creates_units_parents_first_and_people() {
        let file = format!("{HEADER}1;Liv;liv@x.no;Nord;;Oslo;\n2;Emma;emma@x.no;Nord/Tromsø;1;Bodø;fre\n");
        let parsed = parse_str(&file).unwrap();
        let plan = plan(parsed, &oslo(), false, TODAY).unwrap();
        assert_eq!(plan.new_units, vec![vec!["Nord".to_string()], vec!["Nord".to_string(), "Tromsø".to_string()]]);
        assert_eq!(plan.create.len(), 2);
        assert_eq!(plan.create[1].location, Some(LocationId(2)));
    }

    #[test]
    fn duplicates_unknown_leaders_locations_and_cycles_are_errors() {
        let file = format!(
            "{HEADER}1;A;a@x.no;U;3;Oslo;\n2;B;b@x.no;U;9;Oslo;\n3;C;c@x.no;U;1;Tromsø;\n1;D;a@x.no;U;;Oslo;\n5;E;e@x.no;U;5;Oslo;\n"
        );
        let parsed = parse_str(&file).unwrap();
        let errors = plan(parsed, &oslo(), false, TODAY).unwrap_err();
        let kinds: Vec<(usize, &str)> = errors.listed.iter().map(|e| (e.line().unwrap_or(0), e.message().0)).collect();
        for expected in [
            (2, "import-error-cycle"),
            (3, "import-error-unknown-leader"),
            (4, "import-error-cycle"),
            (4, "import-error-unknown-location"),
            (5, "import-error-duplicate-number"),
            (5, "import-error-duplicate-email"),
            (6, "import-error-own-leader"),
        ] {
            assert!(kinds.contains(&expected), "{expected:?} missing in {kinds:?}");
        }
    }

    fn stored(id: i64, number: &str, leader: Option<i64>, unit: Option<i64>) -> ExistingPerson {
        ExistingPerson {
            id: PersonId(id),
            number: number.into(),
            name: format!("Person {number}"),
            email: format!("p{number}@x.no"),
            title: String::new(),
            unit: unit.map(UnitId),
            leader: leader.map(PersonId),
            location: Some(LocationId(1)),
            home_office_days: Weekdays::default(),
            active: true,
            end_date: None,
            is_admin: false,
        }
    }

    fn snapshot_with_people() -> Snapshot {
        Snapshot {
            people: vec![stored(1, "1", None, Some(10)), stored(2, "2", Some(1), Some(10)), stored(3, "3", Some(1), Some(10))],
            units: vec![ExistingUnit { id: UnitId(10), parent: None, name: "Stab".into(), active: true }],
            ..oslo()
        }
    }

    #[test]
    fn same_data_changes_nothing_and_partial_files_deactivate_no_one() {
        let file = format!("{HEADER}1;Person 1;p1@x.no;Stab;;Oslo;\n2;Person 2;p2@x.no;Stab;1;Oslo;\n");
        let parsed = parse_str(&file).unwrap();
        let plan = plan(parsed, &snapshot_with_people(), false, TODAY).unwrap();
        assert!(plan.is_empty(), "{plan:?}");
        assert_eq!(plan.unchanged, 2);
    }

    #[test]
    fn full_export_deactivates_the_missing_and_end_dates_deactivate_leavers() {
        let file = "ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n1;Person 1;p1@x.no;Stab;;Oslo;\n2;Person 2;p2@x.no;Stab;1;Oslo;01.11.2026\n";
        let parsed = parse_str(file).unwrap();
        let full = plan(parsed.clone(), &snapshot_with_people(), true, TODAY).unwrap();
        assert_eq!(full.leavers.iter().map(|l| l.number.as_str()).collect::<Vec<_>>(), vec!["3"]);
        assert_eq!(full.update.len(), 1);
        assert_eq!(full.update[0].changes, vec![Change::EndDate, Change::Deactivated]);
        let partial = plan(parsed, &snapshot_with_people(), false, TODAY).unwrap();
        assert!(partial.leavers.is_empty());
    }

    #[test]
    fn a_leader_who_leaves_must_hand_over_the_people_who_stay() {
        // Stored: 2 and 3 report to 1. Person 1 leaves today; 2 (in the file) and 3 (not) stay.
        let file = "ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n1;Person 1;p1@x.no;Stab;;Oslo;24.11.2026\n2;Person 2;p2@x.no;Stab;1;Oslo;\n";
        let parsed = parse_str(file).unwrap();
        let errors = plan(parsed, &snapshot_with_people(), false, TODAY).unwrap_err();
        assert_eq!(errors.listed, vec![ImportError::LeavingLeader { line: 2, reports: "2, 3".into() }]);

        // With a new leader for both in the file, the leaver may go.
        let file = "ansattnummer;navn;epost;enhet;leder;lokasjon;sluttdato\n1;Person 1;p1@x.no;Stab;;Oslo;24.11.2026\n\
                    2;Person 2;p2@x.no;Stab;;Oslo;\n3;Person 3;p3@x.no;Stab;2;Oslo;\n";
        let parsed = parse_str(file).unwrap();
        assert!(plan(parsed, &snapshot_with_people(), false, TODAY).is_ok());
    }

    #[test]
    fn a_leader_left_out_of_a_full_export_is_unknown() {
        let file = format!("{HEADER}2;Person 2;p2@x.no;Stab;1;Oslo;\n");
        let parsed = parse_str(&file).unwrap();
        assert!(plan(parsed.clone(), &snapshot_with_people(), false, TODAY).is_ok());
        let errors = plan(parsed, &snapshot_with_people(), true, TODAY).unwrap_err();
        assert_eq!(errors.listed, vec![ImportError::UnknownLeader { line: 2, number: "1".into() }]);
    }

    #[test]
    fn moving_a_person_and_taking_someone_elses_email_are_seen() {
        let file = format!("{HEADER}2;Person 2;p3@x.no;Stab/Ny;1;Oslo;\n");
        let parsed = parse_str(&file).unwrap();
        let errors = plan(parsed, &snapshot_with_people(), false, TODAY).unwrap_err();
        assert_eq!(errors.listed, vec![ImportError::EmailTaken { line: 2, holder: "3".into() }]);

        let file = format!("{HEADER}2;Person 2;p2@x.no;Stab/Ny;1;Oslo;\n");
        let parsed = parse_str(&file).unwrap();
        let plan = plan(parsed, &snapshot_with_people(), false, TODAY).unwrap();
        assert_eq!(plan.new_units, vec![vec!["Stab".to_string(), "Ny".to_string()]]);
        assert_eq!(plan.update[0].changes, vec![Change::Unit]);
    }

    #[test]
    fn new_leaders_come_before_the_people_they_lead() {
        let file =
            format!("{HEADER}4;D;d@x.no;U;3;Oslo;\n3;C;c@x.no;U;2;Oslo;\n9;Z;z@x.no;U;;Oslo;\n2;B;b@x.no;U;1;Oslo;\n1;A;a@x.no;U;;Oslo;\n");
        let plan = plan(parse_str(&file).unwrap(), &oslo(), false, TODAY).unwrap();
        let order: Vec<&str> = plan.create.iter().map(|p| p.number.as_str()).collect();
        assert_eq!(order, ["9", "1", "2", "3", "4"]);
    }

    #[test]
    fn errors_are_capped_but_counted() {
        let mut file = HEADER.to_string();
        for i in 0..(MAX_LISTED_ERRORS + 50) {
            file.push_str(&format!("{i};;bad;U;;;\n"));
        }
        let errors = parse_str(&file).unwrap_err();
        assert_eq!(errors.listed.len(), MAX_LISTED_ERRORS);
        assert_eq!(errors.total, (MAX_LISTED_ERRORS + 50) * 2);
    }

    /// Makes a file of `lines` people as it is read, so the test holds no copy of it.
    struct GeneratedFile {
        next: usize,
        lines: usize,
        pending: Vec<u8>,
    }

    impl Read for GeneratedFile {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            while self.pending.len() < buf.len() && self.next <= self.lines {
                let line = match self.next {
                    0 => HEADER.to_string(),
                    n => format!(
                        "{n};Person {n};p{n}@etat.no;Avdeling {};{};Oslo;man\n",
                        n % 40,
                        if n > 1 { (n / 2).to_string() } else { String::new() }
                    ),
                };
                self.pending.extend_from_slice(line.as_bytes());
                self.next += 1;
            }
            let n = buf.len().min(self.pending.len());
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            Ok(n)
        }
    }

    #[test]
    fn a_hundred_thousand_lines_stream_through() {
        let file = GeneratedFile { next: 0, lines: 100_000, pending: Vec::new() };
        let parsed = parse(file).unwrap();
        assert_eq!(parsed.rows.len(), 100_000);
        let plan = plan(parsed, &oslo(), false, TODAY).unwrap();
        assert_eq!((plan.create.len(), plan.new_units.len()), (100_000, 40));
    }

    proptest::proptest! {
        /// Whatever the names hold (separators, quotes, Norwegian letters), a file written by a
        /// CSV writer with either separator reads back as written, line numbers included.
        #[test]
        fn any_written_file_reads_back(
            names in proptest::collection::vec("[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå ;,\"'-]{0,30}", 1..20),
            semicolon in proptest::bool::ANY,
            bom in proptest::bool::ANY,
        ) {
            let mut w = csv::WriterBuilder::new().delimiter(if semicolon { b';' } else { b',' }).from_writer(Vec::new());
            let _ = w.write_record(["ansattnummer", "navn", "epost", "enhet", "leder", "lokasjon"]);
            for (i, name) in names.iter().enumerate() {
                let _ = w.write_record([&i.to_string(), name, &format!("p{i}@etat.no"), "Stab/Team", "", "Oslo"]);
            }
            let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            bytes.extend(w.into_inner().unwrap());
            let parsed = parse(bytes.as_slice());
            proptest::prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
            let parsed = parsed.unwrap();
            proptest::prop_assert_eq!(parsed.rows.len(), names.len());
            for (i, (row, name)) in parsed.rows.iter().zip(&names).enumerate() {
                proptest::prop_assert_eq!(&row.name, name.trim());
                proptest::prop_assert_eq!(row.number.as_str(), i.to_string());
                proptest::prop_assert_eq!(row.line, i + 2);
                proptest::prop_assert_eq!(parsed.unit_path(row), ["Stab".to_string(), "Team".to_string()]);
            }
        }
    }
}
