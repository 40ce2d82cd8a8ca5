//! `rolecmp matrix`: how the sources involve each role in each responsibility area.
//!
//! A cell is a property of its role, the same whichever other roles are shown: it is derived
//! from all of the role's facts and the facts other roles state about it, and lists each
//! kind of support with its own citations — the role's own responsibility (responsible,
//! often, partly, in some firms; each source at the strength of its own facts' words), its
//! industry examples (in some firms), every overlap a source names (shared, with its "often"
//! kept) and every collaboration (works with). Each is no stronger than the facts it stands
//! for; an area that no fact of a role names says exactly that: not named.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{
    Fact, Involvement, Prevalence, Relation, Responsibility, Role, Section, Source, SourceKind,
};
use crate::report::labels::{Labels, heading, scope_label, short_name};
use crate::report::parts::citations;
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// What a cell or one of its supports says about one role in one area, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// A source says the role overlaps with another role in this area.
    Shared,
    /// The sources give the role duties in the area without hedging.
    Responsible,
    /// The sources say the role often has the area.
    Often,
    /// The sources give the role part of the area.
    Partly,
    /// The sources give the role the area only in some organizations, or in an example.
    SomeFirms,
    /// The role works with another role on the area.
    WorksWith,
    /// No fact of the role names the area.
    NotNamed,
}

impl Level {
    /// The name used in JSON and CSV (`some-firms`).
    pub fn id(self) -> &'static str {
        match self {
            Level::Shared => "shared",
            Level::Responsible => "responsible",
            Level::Often => "often",
            Level::Partly => "partly",
            Level::SomeFirms => "some-firms",
            Level::WorksWith => "works-with",
            Level::NotNamed => "not-named",
        }
    }

    /// Where a claim of this level comes in a list of one role's claims: its own duties
    /// first, strongest first, then what it shares and whom it works with.
    fn rank(self) -> u8 {
        match self {
            Level::Responsible => 0,
            Level::Often => 1,
            Level::Partly => 2,
            Level::SomeFirms => 3,
            Level::Shared => 4,
            Level::WorksWith => 5,
            Level::NotNamed => 6,
        }
    }

    fn of(involvement: Involvement) -> Self {
        match involvement {
            Involvement::Responsible => Level::Responsible,
            Involvement::Often => Level::Often,
            Involvement::Partly => Level::Partly,
            Involvement::SomeFirms => Level::SomeFirms,
        }
    }
}

/// One kind of support a cell rests on, with the sources of its facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Support {
    pub level: Level,
    /// The other roles, for `shared` and `works-with`.
    pub partners: Vec<String>,
    /// How common the overlap is, when its source hedges ("often overlap").
    pub prevalence: Option<Prevalence>,
    /// The industry examples this support comes from, if any.
    pub industries: Vec<String>,
    /// The organisations an overlap or collaboration holds in, when its sources speak only of
    /// them ("US federal agencies").
    pub scope: Option<String>,
    /// True when every source of a scoped support is a law: said as "(by law)".
    #[serde(skip)]
    pub by_law: bool,
    pub sources: Vec<String>,
}

/// One role in one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    pub role: String,
    /// The strongest claim of the supports: `shared` when a source names an overlap, else the
    /// role's own involvement, else `some-firms` from an industry example, else `works-with`.
    pub level: Level,
    /// Every kind of support, strongest first, each with its citations.
    pub supports: Vec<Support>,
    /// Roles the area is shared with or worked on with, by id.
    pub partners: Vec<Partner>,
    /// The sources of every support.
    pub sources: Vec<String>,
}

/// Another role that a source ties to this role in this area.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Partner {
    pub role: String,
    /// True when a source says the two roles overlap here, false when they only work
    /// together on it.
    pub shares: bool,
    /// How common the overlap is, when the source hedges ("often overlap").
    pub prevalence: Option<Prevalence>,
}

/// One responsibility area across the roles.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub area: String,
    pub label: String,
    /// One cell per role, in the order of `Matrix::roles`.
    pub cells: Vec<MatrixCell>,
}

/// A role as a matrix column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub id: String,
    pub name: String,
}

/// The answer to `matrix`: areas by roles.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub roles: Vec<Column>,
    /// Areas in label order; only those at least one role is involved in.
    pub rows: Vec<MatrixRow>,
    /// What the words of the cells mean.
    pub legend: &'static str,
    /// Roles left out because no source names them in any area (`matrix` without `--all`).
    pub silent: Vec<Column>,
    pub sources: Vec<Source>,
    /// The short names of the other roles the cells name (CTO), by id.
    #[serde(skip)]
    partners: BTreeMap<String, String>,
}

/// What the words of a matrix cell mean, in one line: the two that a reader could take
/// otherwise. (Responsible, partly responsible, in some firms and works with say what they
/// mean.)
pub const LEGEND: &str =
    "Shared: a source says the roles overlap. Not named: the sources are silent.";

/// Builds the matrix of `roles`. Each cell counts the overlaps and collaborations with every
/// role, shown or not, so that it reads the same in any matrix; `labels` name them.
pub fn matrix(kb: &KnowledgeBase, labels: &Labels, roles: &[&Role]) -> Matrix {
    let wanted: BTreeSet<&str> = roles.iter().map(|role| role.id.as_str()).collect();
    // Pair facts are written once, on either role: index them by (role, area) both ways. A
    // `builtin:` view already carries the facts other roles state about it, and no other
    // role's facts name it, so its own facts count for it alone.
    let mut links: BTreeMap<(&str, &str), Vec<Link>> = BTreeMap::new();
    let laws = laws(kb);
    for owner in kb.roles_with(roles) {
        let is_view = owner.shipped_under().is_some();
        for fact in &owner.collaboration {
            let (Some(area), Relation::Overlap | Relation::Collaboration) =
                (fact.area.as_deref(), fact.relation)
            else {
                continue;
            };
            let mut add = |me: &'_ str, other| {
                if me != other
                    && let Some(&me) = wanted.get(me)
                {
                    links.entry((me, area)).or_default().push(Link {
                        other,
                        relation: fact.relation,
                        prevalence: fact.prevalence,
                        scope: fact.scope.as_deref(),
                        by_law: all_laws(&fact.sources, &laws),
                        sources: &fact.sources,
                    });
                }
            };
            add(owner.id.as_str(), fact.with.as_str());
            if !is_view {
                add(fact.with.as_str(), owner.id.as_str());
            }
        }
    }
    // Each role's responsibility for an area, found by map: a scan of its list for every
    // area cost the square of its areas (60,000 took 10 s).
    let duties: Vec<BTreeMap<&str, &Responsibility>> = roles
        .iter()
        .map(|role| {
            let mut duties = BTreeMap::new();
            for item in &role.responsibilities {
                duties.entry(item.area.as_str()).or_insert(item);
            }
            duties
        })
        .collect();
    let mut rows = kb
        .areas
        .iter()
        .map(|area| MatrixRow {
            area: area.id.clone(),
            label: area.label.clone(),
            cells: roles
                .iter()
                .zip(&duties)
                .map(|(role, duties)| {
                    cell(
                        role,
                        &area.id,
                        duties.get(area.id.as_str()).copied(),
                        links.get(&(role.id.as_str(), area.id.as_str())),
                    )
                })
                .collect(),
        })
        .filter(|row: &MatrixRow| row.cells.iter().any(|cell| cell.level != Level::NotNamed))
        .collect::<Vec<_>>();
    rows.sort_by(|a, b| a.label.cmp(&b.label));
    // The sources the cells cite, in the order of the sources file.
    let cited: BTreeSet<&str> = rows
        .iter()
        .flat_map(|row: &MatrixRow| &row.cells)
        .flat_map(|cell| cell.sources.iter().map(String::as_str))
        .collect();
    let sources = kb
        .sources
        .iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .cloned()
        .collect();
    let partners = rows
        .iter()
        .flat_map(|row| &row.cells)
        .flat_map(|cell| &cell.partners)
        .map(|partner| {
            let id = &partner.role;
            (id.clone(), labels.short_role(id).to_owned())
        })
        .collect();
    Matrix {
        roles: roles
            .iter()
            .map(|role| Column {
                id: role.id.clone(),
                name: short_name(role),
            })
            .collect(),
        rows,
        legend: LEGEND,
        silent: Vec::new(),
        sources,
        partners,
    }
}

/// The matrix `rolecmp matrix` shows: of the roles `named`, or when none is, of every role
/// the sources name in some area (`all`: of every role).
pub fn asked(kb: &KnowledgeBase, named: &[&Role], all: bool) -> Matrix {
    let labels = Labels::new(kb);
    if !named.is_empty() {
        return matrix(kb, &labels, named);
    }
    let everyone: Vec<&Role> = kb.roles.iter().collect();
    let matrix = matrix(kb, &labels, &everyone);
    if all {
        matrix
    } else {
        matrix.without_silent_roles()
    }
}

/// `sources` and those `matrix` cites, each once, in the order of the sources file.
pub fn with_sources_of(
    kb: &KnowledgeBase,
    mut sources: Vec<Source>,
    matrix: &Matrix,
) -> Vec<Source> {
    for source in &matrix.sources {
        if !sources.iter().any(|known| known.id == source.id) {
            sources.push(source.clone());
        }
    }
    sources.sort_by_key(|source| kb.sources.iter().position(|s| s.id == source.id));
    sources
}

/// A collaboration fact seen from one of its two roles.
struct Link<'a> {
    other: &'a str,
    relation: Relation,
    prevalence: Option<Prevalence>,
    scope: Option<&'a str>,
    by_law: bool,
    sources: &'a [String],
}

/// The ids of the sources that are laws.
fn laws(kb: &KnowledgeBase) -> BTreeSet<&str> {
    kb.sources
        .iter()
        .filter(|source| source.kind == SourceKind::Law)
        .map(|source| source.id.as_str())
        .collect()
}

/// True when `sources` are all laws, and there is one at least.
fn all_laws(sources: &[String], laws: &BTreeSet<&str>) -> bool {
    !sources.is_empty() && sources.iter().all(|source| laws.contains(source.as_str()))
}

/// Partners and sources of the overlaps or collaborations said alike: with one hedge, one
/// scope, and whether that scope is the law's.
type Group<'a> = (BTreeSet<&'a str>, BTreeSet<String>);
type GroupKey<'a> = (Option<Prevalence>, Option<&'a str>, bool);

fn sorted(sources: BTreeSet<String>) -> Vec<String> {
    sources.into_iter().collect()
}

fn cited_by<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> BTreeSet<String> {
    facts
        .into_iter()
        .flat_map(|fact| fact.sources.iter().cloned())
        .collect()
}

fn cell(
    role: &Role,
    area: &str,
    own: Option<&Responsibility>,
    links: Option<&Vec<Link>>,
) -> MatrixCell {
    let mut supports = own_supports(role, area, own);
    let partners = partner_supports(links.map_or(&[][..], Vec::as_slice), &mut supports);
    let level = supports
        .iter()
        .map(|support| support.level)
        .min()
        .unwrap_or(Level::NotNamed);
    let sources = supports
        .iter()
        .flat_map(|support| support.sources.iter().cloned())
        .collect::<BTreeSet<_>>();
    MatrixCell {
        role: role.id.clone(),
        level,
        supports,
        partners,
        sources: sorted(sources),
    }
}

fn support(level: Level, industries: Vec<String>, sources: BTreeSet<String>) -> Support {
    Support {
        level,
        partners: Vec::new(),
        prevalence: None,
        industries,
        scope: None,
        by_law: false,
        sources: sorted(sources),
    }
}

/// What the role's own facts say of the area: its responsibility entry (`own`), each source
/// at the strongest involvement of its facts there (a fact's own hedge, else the entry's), so
/// that no source is cited for more than its words say; and its industry examples filed under
/// the area, each of some organizations.
fn own_supports(role: &Role, area: &str, own: Option<&Responsibility>) -> Vec<Support> {
    let mut by_level: BTreeMap<Level, BTreeSet<String>> = BTreeMap::new();
    if let Some(item) = own {
        let mut strongest: BTreeMap<&str, Level> = BTreeMap::new();
        for fact in &item.facts {
            let level = Level::of(fact.involvement.unwrap_or(item.involvement));
            for source in &fact.sources {
                strongest
                    .entry(source)
                    .and_modify(|held| *held = (*held).min(level))
                    .or_insert(level);
            }
        }
        for (source, level) in strongest {
            by_level.entry(level).or_default().insert(source.to_owned());
        }
    }
    let own_sources: BTreeSet<String> = by_level.values().flatten().cloned().collect();
    let mut industries = Vec::new();
    let mut example_sources = BTreeSet::new();
    for example in &role.industries {
        // The example's own areas cite all its facts; a fact's areas cite that fact alone, so
        // no source is cited for an area its facts do not speak to.
        let speaking: Vec<&Fact> = if example.areas.iter().any(|named| named == area) {
            example.facts.iter().collect()
        } else {
            example
                .facts
                .iter()
                .filter(|fact| fact.areas.iter().any(|named| named == area))
                .collect()
        };
        if !speaking.is_empty() {
            industries.push(example.industry.clone());
            example_sources.extend(cited_by(speaking));
        }
    }
    // An example adds a weaker claim: shown unless a stronger one cites its sources. One
    // "in some firms" cites the entry's facts and the examples alike.
    let mut examples = (!industries.is_empty()).then_some((industries, example_sources));
    let mut supports = Vec::new();
    for (level, mut sources) in by_level {
        let mut named = Vec::new();
        if level == Level::SomeFirms
            && let Some((industries, example_sources)) = examples.take()
        {
            named = industries;
            sources.extend(example_sources);
        }
        supports.push(support(level, named, sources));
    }
    if let Some((industries, example_sources)) = examples
        && !example_sources.is_subset(&own_sources)
    {
        supports.push(support(Level::SomeFirms, industries, example_sources));
    }
    supports
}

/// The overlaps a source names, one support per hedge, the plainest first, then the roles
/// the role works with; each partner named once, under the strongest thing said of it.
/// Returns the partners.
fn partner_supports(links: &[Link], supports: &mut Vec<Support>) -> Vec<Partner> {
    let mut partners: BTreeMap<&str, Partner> = BTreeMap::new();
    for link in links
        .iter()
        .filter(|link| link.relation == Relation::Overlap)
    {
        let entry = partners.entry(link.other).or_insert_with(|| Partner {
            role: link.other.to_owned(),
            shares: true,
            prevalence: link.prevalence,
        });
        entry.prevalence = entry.prevalence.min(link.prevalence);
    }
    // Grouped by hedge and by scope, so that a claim about some organisations ("in US federal
    // agencies") or a hedged one never reads as a plain one beside it.
    let mut shared: BTreeMap<GroupKey, Group> = BTreeMap::new();
    let mut working: BTreeMap<GroupKey, Group> = BTreeMap::new();
    for link in links {
        if let Some(sharing) = partners.get(link.other).filter(|partner| partner.shares) {
            // Working together where a source also says the roles overlap: the overlap
            // names the partner, and the collaboration's sources stay cited beside it.
            let group = shared
                .entry((
                    sharing.prevalence,
                    link.scope,
                    link.by_law && link.scope.is_some(),
                ))
                .or_default();
            if link.relation == Relation::Overlap {
                group.0.insert(link.other);
            }
            group.1.extend(link.sources.iter().cloned());
        } else {
            partners.entry(link.other).or_insert_with(|| Partner {
                role: link.other.to_owned(),
                shares: false,
                prevalence: link.prevalence,
            });
            let group = working
                .entry((
                    link.prevalence,
                    link.scope,
                    link.by_law && link.scope.is_some(),
                ))
                .or_default();
            group.0.insert(link.other);
            group.1.extend(link.sources.iter().cloned());
        }
    }
    for ((prevalence, scope, by_law), (with, sources)) in shared {
        supports.push(Support {
            level: Level::Shared,
            partners: with.into_iter().map(str::to_owned).collect(),
            prevalence,
            industries: Vec::new(),
            scope: scope.map(str::to_owned),
            by_law,
            sources: sorted(sources),
        });
    }
    for ((prevalence, scope, by_law), (with, sources)) in working {
        supports.push(Support {
            level: Level::WorksWith,
            partners: with.into_iter().map(str::to_owned).collect(),
            prevalence,
            industries: Vec::new(),
            scope: scope.map(str::to_owned),
            by_law,
            sources: sorted(sources),
        });
    }
    partners.into_values().collect()
}

impl Support {
    /// The support in words, with role ids turned into short names by `name`; `after` when it
    /// follows another support in the same cited line ("responsible, with CDO").
    fn describe(&self, name: &dyn Fn(&str) -> String, after: bool) -> String {
        let partners = self
            .partners
            .iter()
            .map(|partner| name(partner))
            .collect::<Vec<_>>()
            .join(", ");
        let how = match self.prevalence {
            None => "",
            Some(Prevalence::Usual) => "usually ",
            Some(Prevalence::Often) => "often ",
            Some(Prevalence::Sometimes) => "sometimes ",
        };
        let scope = self
            .scope
            .as_deref()
            .map(|scope| format!(" {}", scope_label(scope, self.by_law)))
            .unwrap_or_default();
        match self.level {
            Level::Shared => format!("{how}shared with {partners}{scope}"),
            Level::Responsible => "responsible".to_owned(),
            Level::Often => "often responsible".to_owned(),
            Level::Partly => "partly responsible".to_owned(),
            Level::SomeFirms => "in some firms".to_owned(),
            Level::WorksWith if after => format!("{how}with {partners}{scope}"),
            Level::WorksWith => format!("{how}works with {partners}{scope}"),
            Level::NotNamed => "not named".to_owned(),
        }
    }
}

impl MatrixCell {
    /// The cell as cited lines, one per set of sources: supports citing the same sources
    /// share a line ("responsible, often shared with CIO [guide]"), so every claim keeps its
    /// own citation. A cell with no support is one uncited "not named".
    pub fn lines(&self, name: &dyn Fn(&str) -> String) -> Vec<Fact> {
        let mut lines: Vec<Fact> = Vec::new();
        for support in &self.supports {
            match lines
                .iter_mut()
                .find(|line| line.sources == support.sources)
            {
                Some(line) => {
                    line.text.push_str(", ");
                    line.text.push_str(&support.describe(name, true));
                }
                None => lines.push(Fact::new(support.describe(name, false), &support.sources)),
            }
        }
        if lines.is_empty() {
            lines.push(Fact::new("not named", &[]));
        }
        lines
    }

    /// The cell in words on one line, each part with its citation: "responsible [brief,
    /// guide]; often shared with CTO [guide]".
    pub fn describe(&self, name: &dyn Fn(&str) -> String) -> String {
        self.lines(name)
            .iter()
            .map(|line| {
                if line.sources.is_empty() {
                    line.text.clone()
                } else {
                    format!("{} [{}]", line.text, line.sources.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The cell as one table line: every part but the last carries its citation in its
    /// text, the last is cited as a line is ("responsible [brief, guide]; often shared with
    /// CTO" citing guide), so that a two-part cell costs no more height than its words.
    pub fn to_cell(&self, name: &dyn Fn(&str) -> String) -> Cell {
        let mut lines = self.lines(name);
        let last = lines.pop().unwrap_or_else(|| Fact::new("not named", &[]));
        let mut text: Vec<String> = lines
            .iter()
            .map(|line| format!("{} [{}]", line.text, line.sources.join(", ")))
            .collect();
        text.push(last.text);
        Cell::cited(text.join("; "), &last.sources)
    }
}

impl Matrix {
    /// Names the columns `names`, in their order: how a comparison labels its roles.
    pub fn rename(&mut self, names: &[String]) {
        for (column, name) in self.roles.iter_mut().zip(names) {
            column.name.clone_from(name);
        }
    }

    /// Leaves out the roles that no source names in any area, noting who they are: every
    /// other cell stays as it is, since a silent role shares and works on nothing.
    #[must_use]
    pub fn without_silent_roles(mut self) -> Self {
        let named: Vec<bool> = (0..self.roles.len())
            .map(|index| {
                self.rows
                    .iter()
                    .any(|row| row.cells[index].level != Level::NotNamed)
            })
            .collect();
        if named.iter().all(|named| *named) {
            return self;
        }
        let roles = std::mem::take(&mut self.roles);
        for (column, named) in roles.into_iter().zip(&named) {
            if *named {
                self.roles.push(column);
            } else {
                self.silent.push(column);
            }
        }
        for row in &mut self.rows {
            let cells = std::mem::take(&mut row.cells);
            row.cells = cells
                .into_iter()
                .zip(&named)
                .filter_map(|(cell, named)| named.then_some(cell))
                .collect();
        }
        self
    }

    /// Only the areas where the roles' cells differ (`--differences-only`). Two roles that
    /// share an area say the same of it ("shared with CIO", "shared with CTO"), so the roles
    /// of the matrix count as one partner when cells are compared.
    #[must_use]
    pub fn differences(&self) -> Self {
        let columns: Vec<&str> = self.roles.iter().map(|column| column.id.as_str()).collect();
        let name = |id: &str| {
            if columns.contains(&id) {
                String::new()
            } else {
                self.name(id)
            }
        };
        let mut differing = self.clone();
        differing.rows.retain(|row| {
            let said: Vec<(String, &[String])> = row
                .cells
                .iter()
                .map(|cell| (cell.describe(&name), cell.sources.as_slice()))
                .collect();
            said.iter().any(|cell| *cell != said[0])
        });
        differing
    }

    /// A short name for a role id: its column name when it is a column, else its alias.
    fn name(&self, id: &str) -> String {
        self.roles
            .iter()
            .find(|column| column.id == id)
            .map_or_else(
                || self.partners.get(id).map_or(id, String::as_str).to_owned(),
                |c| c.name.clone(),
            )
    }

    /// The matrix as a document section: one row per area, one column per role.
    pub fn section(&self) -> DocSection {
        self.section_of(false)
    }

    /// The matrix at a glance: areas whose every cell reads the same share one row ("Digital
    /// transformation, Security"), so that what the roles have alike takes few lines and
    /// where they differ stands out. Every cell is still shown as it is.
    pub fn glance_section(&self) -> DocSection {
        self.section_of(true)
    }

    fn section_of(&self, grouped: bool) -> DocSection {
        let heading = DocSection::new(heading(Section::Matrix));
        if self.rows.is_empty() {
            return heading.note("The sources name no responsibility area for these roles.");
        }
        let name = |id: &str| self.name(id);
        let header: Vec<&str> = std::iter::once("Area")
            .chain(self.roles.iter().map(|column| column.name.as_str()))
            .collect();
        // Rows in area order; at a glance a row whose cells are those of an earlier row joins it.
        let mut rows: Vec<(Vec<&str>, Vec<Cell>)> = Vec::new();
        let mut seen: BTreeMap<Vec<(String, Vec<String>)>, usize> = BTreeMap::new();
        for row in &self.rows {
            let cells: Vec<Cell> = row.cells.iter().map(|cell| cell.to_cell(&name)).collect();
            let said = cells
                .iter()
                .flat_map(|cell| &cell.lines)
                .map(|line| (line.text.clone(), line.sources.clone()))
                .collect();
            match seen.get(&said) {
                Some(&at) if grouped => rows[at].0.push(&row.label),
                _ => {
                    seen.insert(said, rows.len());
                    rows.push((vec![&row.label], cells));
                }
            }
        }
        let body = rows
            .into_iter()
            .map(|(labels, cells)| {
                std::iter::once(Cell::label(labels.join(", ")))
                    .chain(cells)
                    .collect()
            })
            .collect();
        heading.table(&header, body).note(self.legend)
    }

    /// One role's column grouped by claim, for a one-role view: each kind of support of any
    /// area, with its citation, followed by the areas it holds for ("responsible: A, B
    /// [guide]"). Areas share a line only when the claim cites the same sources for each, so
    /// every citation holds for every area on its line; every support of every cell is on
    /// one line.
    pub fn grouped(&self, column: usize) -> Cell {
        let name = |id: &str| self.name(id);
        let mut groups: BTreeMap<(u8, String, &[String]), Vec<&str>> = BTreeMap::new();
        for row in &self.rows {
            for support in &row.cells[column].supports {
                groups
                    .entry((
                        support.level.rank(),
                        support.describe(&name, false),
                        support.sources.as_slice(),
                    ))
                    .or_default()
                    .push(&row.label);
            }
        }
        let mut cell = Cell::default();
        for ((_, described, sources), areas) in groups {
            cell.lines.push(Fact::new(
                format!("{described}: {}", areas.join(", ")),
                sources,
            ));
        }
        cell
    }

    /// Each cell's supports as rows of the long-form fact table (role, section, topic, text,
    /// sources), so that a profile's or comparison's CSV holds its matrix too, one claim per
    /// row with its own sources. Silent cells are left out.
    pub fn fact_rows(&self) -> Vec<Vec<String>> {
        let name = |id: &str| self.name(id);
        self.rows
            .iter()
            .flat_map(|row| {
                row.cells.iter().flat_map(move |cell| {
                    cell.supports.iter().map(move |support| {
                        vec![
                            cell.role.clone(),
                            Section::Matrix.id().to_owned(),
                            row.label.clone(),
                            support.describe(&name, false),
                            support.sources.join(", "),
                        ]
                    })
                })
            })
            .collect()
    }
}

impl Report for Matrix {
    fn document(&self) -> Document {
        let names: Vec<&str> = self
            .roles
            .iter()
            .map(|column| column.name.as_str())
            .collect();
        let mut section = self.section();
        if !self.silent.is_empty() {
            let silent: Vec<&str> = self.silent.iter().map(|c| c.name.as_str()).collect();
            section = section.note(format!(
                "Not shown: {}, whom the sources name in no area.",
                silent.join(", ")
            ));
        }
        Document {
            title: format!("Responsibilities: {}", names.join(", ")),
            sections: vec![section],
            sources: citations(&self.sources),
        }
    }

    fn hint(&self) -> Option<String> {
        (!self.silent.is_empty())
            .then(|| "Every role, named or not: rolecmp matrix --all.".to_owned())
    }

    /// One row per claim: each support of each cell, and "not named" for a silent cell.
    fn records(&self) -> Records {
        let name = |id: &str| self.name(id);
        let mut rows = Vec::new();
        for row in &self.rows {
            for cell in &row.cells {
                if cell.supports.is_empty() {
                    rows.push(vec![
                        row.area.clone(),
                        cell.role.clone(),
                        Level::NotNamed.id().to_owned(),
                        "not named".to_owned(),
                        String::new(),
                    ]);
                }
                for support in &cell.supports {
                    rows.push(vec![
                        row.area.clone(),
                        cell.role.clone(),
                        support.level.id().to_owned(),
                        support.describe(&name, false),
                        support.sources.join(", "),
                    ]);
                }
            }
        }
        Records {
            header: vec!["area", "role", "level", "statement", "sources"],
            rows,
        }
    }
}
