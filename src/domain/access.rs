//! Who may read and change what: the access table of the design, as one function.
//!
//! | data                                   | owner        | leader           | HR/admin     | anyone else   |
//! |----------------------------------------|--------------|------------------|--------------|---------------|
//! | self-assessment, reflection, exercise  | full         | shared items     | never        | never         |
//! | conversation agenda, shared notes, actions | both parties | both parties  | never        | never         |
//! | private note                           | author only  | —                | never        | never         |
//! | anonymous answer                       | nobody links | aggregate ≥ k    | aggregate ≥ k| never         |
//! | org structure                          | read         | read             | write        | read own unit |
//! | HR role and active state of a person   | —            | —                | write, not own | never       |

use super::{PersonId, UnitId};

/// The person asking.
#[derive(Clone, Copy, Debug)]
pub struct Viewer {
    pub id: PersonId,
    pub is_hr: bool,
    pub unit: Option<UnitId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Read,
    Write,
}

/// A piece of data, described by the facts access depends on.
#[derive(Clone, Copy, Debug)]
pub enum Resource {
    /// A self-assessment, reflection or exercise: `owner_leader` is the owner's leader now,
    /// `shared_with` whom the owner shared it with (a share with a former leader shows nothing).
    PersonalItem {
        owner: PersonId,
        owner_leader: Option<PersonId>,
        shared_with: Option<PersonId>,
    },
    /// A conversation's agenda, shared notes and actions.
    Conversation {
        employee: PersonId,
        leader: PersonId,
    },
    PrivateNote {
        author: PersonId,
    },
    /// One anonymous answer: it is never tied to a person.
    AnonymousAnswer,
    /// Aggregated results of a survey wave for a group.
    AnonymousAggregate {
        respondents: u32,
        threshold: u32,
        runs_survey: bool,
    },
    /// A survey wave: its results (where enough answered, comments included) and what follows
    /// them (replies to comments, the action plan, closing it). `leader` is the leader whose team
    /// it asks, None for a unit's wave, which HR runs; `asked` whether the viewer is asked to
    /// answer it. HR does not read a team's wave: its comments are the team's and its leader's.
    SurveyWave {
        leader: Option<PersonId>,
        asked: bool,
    },
    /// A person's record in the organisation (name, unit, leader, workplace).
    PersonRecord {
        person: PersonId,
        leader: Option<PersonId>,
        unit: Option<UnitId>,
    },
    /// Units, locations and imports as a whole.
    Organisation,
    /// Whether a person is HR and whether they are active. HR may change both for others, never
    /// for themselves, so that no slip leaves the organisation without HR.
    RoleAndStatus {
        person: PersonId,
    },
}

/// Answers whether `viewer` may perform `op` on `resource`.
pub fn may(viewer: &Viewer, op: Op, resource: &Resource) -> bool {
    match *resource {
        Resource::PersonalItem { owner, owner_leader, shared_with } => {
            viewer.id == owner || (op == Op::Read && shared_with == Some(viewer.id) && owner_leader == Some(viewer.id))
        }
        Resource::Conversation { employee, leader } => viewer.id == employee || viewer.id == leader,
        Resource::PrivateNote { author } => viewer.id == author,
        Resource::AnonymousAnswer => false,
        Resource::AnonymousAggregate { respondents, threshold, runs_survey } => {
            op == Op::Read && (viewer.is_hr || runs_survey) && respondents >= threshold.max(1)
        }
        Resource::SurveyWave { leader, asked } => {
            let runs = leader.map_or(viewer.is_hr, |l| l == viewer.id);
            match op {
                Op::Write => runs,
                Op::Read => runs || asked,
            }
        }
        Resource::PersonRecord { person, leader, unit } => match op {
            Op::Write => viewer.is_hr,
            Op::Read => viewer.is_hr || viewer.id == person || leader == Some(viewer.id) || (unit.is_some() && unit == viewer.unit),
        },
        Resource::Organisation => match op {
            Op::Write => viewer.is_hr,
            Op::Read => viewer.is_hr,
        },
        Resource::RoleAndStatus { person } => viewer.is_hr && (op == Op::Read || viewer.id != person),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWNER: PersonId = PersonId(1);
    const LEADER: PersonId = PersonId(2);
    const HR: PersonId = PersonId(3);
    const OTHER: PersonId = PersonId(4);
    const TEAM: Option<UnitId> = Some(UnitId(10));

    fn viewer(id: PersonId) -> Viewer {
        // The colleague shares the owner's unit; HR and the leader sit elsewhere.
        let unit = if id == OTHER || id == OWNER { TEAM } else { Some(UnitId(99)) };
        Viewer { id, is_hr: id == HR, unit }
    }

    /// One row per cell of the design's access table: resource, op, then owner, leader, HR, other.
    #[test]
    fn access_table() {
        use Op::*;
        let personal =
            |shared: bool| Resource::PersonalItem { owner: OWNER, owner_leader: Some(LEADER), shared_with: shared.then_some(LEADER) };
        // Shared with the leader, who has since been replaced by OTHER.
        let shared_with_former = Resource::PersonalItem { owner: OWNER, owner_leader: Some(OTHER), shared_with: Some(LEADER) };
        let conversation = Resource::Conversation { employee: OWNER, leader: LEADER };
        let note = Resource::PrivateNote { author: OWNER };
        let aggregate = |respondents| Resource::AnonymousAggregate { respondents, threshold: 5, runs_survey: true };
        let record = Resource::PersonRecord { person: OWNER, leader: Some(LEADER), unit: TEAM };
        let other_unit_record = Resource::PersonRecord { person: PersonId(7), leader: Some(PersonId(8)), unit: Some(UnitId(11)) };

        let table: &[(&str, Resource, Op, [bool; 4])] = &[
            ("unshared self-assessment, read", personal(false), Read, [true, false, false, false]),
            ("unshared self-assessment, write", personal(false), Write, [true, false, false, false]),
            ("shared self-assessment, read", personal(true), Read, [true, true, false, false]),
            ("shared self-assessment, write", personal(true), Write, [true, false, false, false]),
            ("shared with a former leader, read", shared_with_former, Read, [true, false, false, false]),
            ("conversation, read", conversation, Read, [true, true, false, false]),
            ("conversation, write", conversation, Write, [true, true, false, false]),
            ("private note, read", note, Read, [true, false, false, false]),
            ("private note, write", note, Write, [true, false, false, false]),
            ("anonymous answer, read", Resource::AnonymousAnswer, Read, [false, false, false, false]),
            ("aggregate of 5, read", aggregate(5), Read, [false, true, true, false]),
            ("aggregate of 4, read", aggregate(4), Read, [false, false, false, false]),
            ("aggregate, write", aggregate(9), Write, [false, false, false, false]),
            // The owner is the one asked (the loop below sets `asked` for them alone).
            ("team's wave, read", Resource::SurveyWave { leader: Some(LEADER), asked: false }, Read, [true, true, false, false]),
            ("team's wave, write", Resource::SurveyWave { leader: Some(LEADER), asked: false }, Write, [false, true, false, false]),
            ("unit's wave, read", Resource::SurveyWave { leader: None, asked: false }, Read, [true, false, true, false]),
            ("unit's wave, write", Resource::SurveyWave { leader: None, asked: false }, Write, [false, false, true, false]),
            ("person record, read", record, Read, [true, true, true, true]),
            ("person record, write", record, Write, [false, false, true, false]),
            ("other unit's record, read", other_unit_record, Read, [false, false, true, false]),
            // The whole organisation's pages are HR's; everyone else reads the structure through
            // the records of their own unit and reporting line (the person-record rows).
            ("organisation, read", Resource::Organisation, Read, [false, false, true, false]),
            ("organisation, write", Resource::Organisation, Write, [false, false, true, false]),
            ("others' role and status, write", Resource::RoleAndStatus { person: OWNER }, Write, [false, false, true, false]),
            ("own role and status, write", Resource::RoleAndStatus { person: HR }, Write, [false, false, false, false]),
            ("own role and status, read", Resource::RoleAndStatus { person: HR }, Read, [false, false, true, false]),
        ];
        for (name, resource, op, expected) in table {
            for (who, want) in [OWNER, LEADER, HR, OTHER].into_iter().zip(expected) {
                // Only the leader "runs" the survey in the aggregate rows.
                let resource = match *resource {
                    Resource::AnonymousAggregate { respondents, threshold, .. } => {
                        Resource::AnonymousAggregate { respondents, threshold, runs_survey: who == LEADER }
                    }
                    Resource::SurveyWave { leader, .. } => Resource::SurveyWave { leader, asked: who == OWNER },
                    r => r,
                };
                assert_eq!(may(&viewer(who), *op, &resource), *want, "{name}: viewer {who:?}");
            }
        }
    }
}
