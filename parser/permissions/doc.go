// Package permissions tells which Microsoft Graph permissions grant an HTTP
// method on a URL path, so generated request builders can document them.
//
// # Model
//
// Microsoft publishes two files. permissions.json lists permissions; each
// has schemes (DelegatedWork, DelegatedPersonal, Application) with a
// privilegeLevel, and path sets: for some schemes and methods, a map from
// a hand-written URL path to attributes such as
// "least=DelegatedWork,Application;AlsoRequires=Policy.Read.All".
// least names the schemes in which the permission is the least-privileged
// choice for the path; AlsoRequires names permissions needed together with
// it. provisioningInfo.json gives each permission's id per scheme and
// cloud environment; this package uses the public cloud only.
//
// Load reads both files once into a Table. Every published path is
// normalized and indexed with its method, and the answer for each method
// and path is computed then, so Lookup costs one normalization and one or
// two map reads.
//
//	table, err := permissions.LoadFiles("permissions.json", "provisioningInfo.json")
//	if err != nil {
//		return err
//	}
//	res := table.Lookup("GET", "/solutions/backupRestore/exchangeRestoreSessions")
//	if res.Matched {
//		least := res.Application.Least // BackupRestore-Restore.Read.All
//	}
//
// # Asked paths
//
// Lookup takes graphgen's canonical path template: segments separated by
// "/", starting with "/", names as the CSDL spells them, keys as {id} or
// any other {name}, bound operations by qualified name
// (/solutions/backupRestore/restoreSessions/{id}/microsoft.graph.activate)
// and functions with their parameters
// (/reports/microsoft.graph.getOffice365ActiveUserCounts(period='{period}')).
//
// permissions.json writes functions mostly without namespace, often in
// lower case, with placeholder values of any form:
// /reports/getoffice365activeusercounts(period={value}). A function
// therefore matches by its bare name and the set of its parameter names;
// parameter order and values are ignored, and f() matches f.
//
// # Matching rules
//
// Rules lists the rules in the order they run; Rule.Description states each
// one. Path rules clean or reject a whole path; segment rules rewrite both
// published and asked paths, so paths match when their rewritten segments
// are equal; fallback rules are tried only when the asked path found no
// published path for its method, so an exact match always wins.
//
//   - query-condition: a published path with a query string grants access
//     only under that condition; it is listed by Paths, never matched.
//   - absolute-path: a path must start with "/".
//   - trailing-slash: a trailing "/" and surrounding spaces are ignored.
//   - case-insensitive: segments compare without regard to case.
//   - missing-slash-after-call: itemat(index={value})range is two segments.
//   - missing-slash-before-key: subjectrightsrequests{id} is two segments.
//   - parenthesized-key: workflows({id}), ingest('{id}') and (team-id) are
//     key segments.
//   - any-key: every {placeholder} matches every other, {id}} included.
//   - unqualified-operation: microsoft.graph.activate matches activate, and
//     Default.findByKbNumber matches findByKbNumber.
//   - parameter-names: functions compare by name and parameter names.
//   - dropped-first-segment: /solutions/backupRestore/exchangeRestoreSessions
//     finds /backupRestore/exchangeRestoreSessions. It never drops /me:
//     /me/contacts and /contacts, /me/devices and /devices are different
//     resources. Result.Fallback names the rule when it was used.
//
// /me is not treated as /users/{id}. permissions.json publishes both
// forms for almost every /me path, and in about a quarter of the shared
// entries the grants differ (application permissions on /users/{id} that
// /me does not list), so aliasing them would report wrong permissions.
//
// # Least and higher permissions
//
// For each scheme a Result has Least and Higher. permissions.json often
// marks more than one permission least for the same method, path and
// scheme (BackupRestore-Restore.Read.All and
// BackupRestore-Restore.ReadWrite.All on GET exchangeRestoreSessions).
// Such a tie is settled by the lower privilegeLevel (a missing level ranks
// last), then by breadth: the permission that grants fewer method and
// path entries in that scheme across the file is the less privileged.
// Claims still tied all stay in Least, sorted by name; the others move to
// Higher with ClaimedLeast set. Higher is sorted by privilegeLevel
// (missing last), then by name.
//
// When several published spellings normalize to the same entry, their
// grants are merged: a permission is least if any spelling says so, and
// its AlsoRequires lists are joined.
//
// # Ids
//
// A permission's id is the first deployment in provisioningInfo.json for
// its scheme whose environment list (such as "PPE;public") names the
// public cloud and whose id is not empty. A name missing from that file
// is looked up once more without regard to case
// (Calls.JoinGroupCallasGuest.All is deployed as
// Calls.JoinGroupCallAsGuest.All). Otherwise Permission.ID is empty; the
// file has few DelegatedPersonal deployments, so most DelegatedPersonal
// ids are empty.
//
// Known limitation: published paths that use OData path addressing
// (/drive/root:/{id}:/content), an ellipsis for nested folders
// (childfolders/{id}/.../messages) or a malformed segment
// (/directoryroles/roletemplateid={roletemplateid}/members,
// /devicemanagement/geteffectivepermissionsscope={value}) are kept as
// written; they match only an asked path written the same way.
//
// Known limitation: unqualified-operation cannot tell a bound operation
// from a type cast, so a cast segment (microsoft.graph.user) also matches
// a navigation property of the same bare name.
//
// Known limitation: dropped-first-segment trusts that the published path
// names the same resource. That holds for the containers seen in the data
// (solutions, directory, identity, identityProtection), not for every
// first segment (/education/users and /users differ); callers that show
// the permissions can flag results whose Fallback is set.
package permissions
