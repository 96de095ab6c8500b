## Organisation (HR)

org-title = Organisation
org-intro = People, units and sites. What you change here applies at once.
org-status = Status
org-status-active = Active
org-status-inactive = Deactivated
org-import-title = Import from HR system
org-import-summary = Upload a CSV file, see what changes, and confirm.

org-people-title = People
org-people-count = { $count ->
    [one] One person
   *[other] { $count } people
  }
org-people-new = New person
org-people-create = Create person
org-people-created = The person is created.
org-people-updated = The changes are saved.
org-people-edit-title = Edit person
org-people-search = Search
org-people-search-label = Search people
org-people-unit = Unit
org-people-all-units = All units
org-people-include-inactive = Include deactivated people
org-people-filter = Show
org-people-pages = Pages
org-people-employee-number-hint = The same number as in the HR system.
org-people-no-unit = No unit
org-people-no-leader = No leader
org-people-no-location = No site
org-people-leader-hint = Each person has at most one leader.
org-people-is-admin = HR access
org-people-is-admin-hint = Gives access to the organisation pages. The role applies from the next sign-in.
org-people-inactive-note = This person is deactivated and cannot sign in.
org-people-deactivate = Deactivate person
org-people-deactivate-hint = { $count ->
    [0] A deactivated person cannot sign in. Their records are kept.
    [one] This person leads one active person, who needs a new leader first.
   *[other] This person leads { $count } active people, who need a new leader first.
  }
org-people-deactivate-confirm = Deactivate this person?
org-people-end-date = End date from the HR system: { $date }. From then on, this person cannot sign in.
org-people-inactive-option = { $name } (deactivated)
org-people-reactivate = Reactivate
org-people-error-unit = Choose an active unit.
org-people-error-location = Choose an active site.
org-people-error-leader = Choose an active person as leader.
org-people-error-own-leader = A person cannot be their own leader.
org-people-error-cycle = That would make the reporting line a circle: this person already leads that leader, directly or through others.
org-people-error-number-taken = Another person already has this employee number.
org-people-error-email-taken = Another person already has this e-mail address.
org-people-error-taken = Another person was just saved with the same employee number or e-mail address. Check both.
org-people-error-own-admin = You cannot remove your own HR access.
org-people-error-deactivate-self = You cannot deactivate yourself.
org-people-error-has-reports = { $count ->
    [one] This person leads one active person. Give them a new leader first.
   *[other] This person leads { $count } active people. Give them a new leader first.
  }

org-units-title = Units
org-units-intro = Units form a tree. Move a unit by choosing a new parent unit.
org-units-count = { $count ->
    [one] One unit
   *[other] { $count } units
  }
org-units-empty = There are no units yet.
org-units-name = Name
org-units-under = under { $parent }
org-units-members = People
org-units-parent = Parent unit
org-units-parent-none = None (top level)
org-units-parent-hint = Choose a new parent to move the unit with everything under it.
org-units-new = New unit
org-units-create = Create unit
org-units-created = The unit is created.
org-units-updated = The unit is saved.
org-units-edit-title = Edit unit
org-units-inactive-note = This unit is deactivated.
org-units-deactivate = Deactivate unit
org-units-deactivate-hint = { $count ->
    [0] The unit is empty and can be deactivated.
    [one] One person belongs to the unit. Move them before deactivating.
   *[other] { $count } people belong to the unit. Move them before deactivating.
  }
org-units-deactivate-confirm = Deactivate this unit?
org-units-reactivate = Reactivate
org-units-error-parent = Choose an active parent unit.
org-units-error-cycle = A unit cannot sit under itself or one of its own sub-units.
org-units-error-taken = A unit with this name already exists in the same place.
org-units-error-not-empty = The unit has people or active sub-units. Move them first.
org-units-error-parent-inactive = The parent unit is deactivated. Reactivate it first, or move this unit.

org-locations-title = Sites
org-locations-intro = Sites are workplaces. When a leader and an employee have different sites, they work remotely.
org-locations-count = { $count ->
    [one] One site
   *[other] { $count } sites
  }
org-locations-empty = There are no sites yet.
org-locations-name = Name
org-locations-people = People
org-locations-new = New site
org-locations-create = Create site
org-locations-saved = The site is saved.
org-locations-edit-title = Edit site
org-locations-error-taken = A site with this name already exists.
org-locations-deactivate = Deactivate site
org-locations-deactivate-hint = { $count ->
    [0] Nobody has this site as their workplace.
    [one] One person has this site as their workplace and keeps it.
   *[other] { $count } people have this site as their workplace and keep it.
  }
org-locations-reactivate = Reactivate
org-people-leader-search = Find a leader
org-people-leader-search-hint = Type a name, e-mail or employee number, then choose in the list above.
org-people-leader-find = Search
org-people-leader-matches = { $count ->
    [0] No matches. Try another name or number.
    [one] One match in the list.
   *[other] { $count } matches in the list.
}
org-people-leader-more = The first { $count } matches are shown; type more to narrow them down.

## Instruments

instruments-title = Instruments
instruments-intro = Self-assessments, reflections and exercises that everyone in the organisation finds under Development. The built-in ones come with samspill; you can add your own.
instruments-name = Name
instruments-kind = Kind
instruments-id = Id
instruments-version = Version
instruments-origin = Added by
instruments-added-on = Added
instruments-summary = Self-assessments and exercises under Development, and your own.
instruments-built-in = Built in
instruments-add = Add an instrument
instruments-add-intro = An instrument is a text file in TOML format with every text in Bokmål, Nynorsk and English. The format is described in docs/instruments.md. A new version of an instrument is uploaded with a higher version number; answers already given keep the version they answered.
instruments-file = Instrument file
instruments-file-hint = A .toml file of up to 512 kB.
instruments-upload = Upload and add
instruments-problems = The file was not added. Correct this and try again:
instruments-added = The instrument "{ $id }" is added and is now under Development.
instruments-error-no-file = Choose a file.
instruments-error-too-large = The file is too large. It can be up to 512 kB.
instruments-error-not-text = The file is not a UTF-8 text file.
instruments-error-built-in = The id "{ $id }" belongs to a built-in instrument. Give the instrument an id of its own.
instruments-error-version = "{ $id }" already exists in version { $version }. Give the file a higher version number.
