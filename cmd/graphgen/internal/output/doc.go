// Package output writes the files produced by graphgen into an output folder
// without disturbing anything a person put there.
//
// A file in the folder belongs to graphgen when its first line is exactly
// [Header]. Only such files are ever replaced or removed; every other entry
// (hand-written Go files, files of other types, subfolders, symbolic links)
// is left alone, and a generated file whose name collides with one of them
// is refused with a [*ConflictError].
//
// [Write] brings the folder to the new set of files in one transaction: it
// writes every new content to a hidden temporary file first, then renames the
// files into place while keeping the replaced and removed generated files under
// hidden backup names. If any step fails, the renames are undone and the folder
// is left as it was. Files whose content is already right are not rewritten,
// so their modification times are kept. [Check] computes the same changes
// without writing anything, for a "is the generated code up to date" test.
//
// Known limitation: the transaction protects against errors, not against the
// process being killed or the machine stopping during the rename phase. In that
// case the folder may hold a mix of old and new generated files plus hidden
// ".graphgen-tmp-*" and ".graphgen-bak-*" files; running graphgen again brings
// the generated files to the new state, and the hidden files can be deleted by
// hand. The folder itself is not synced to disk after the renames.
//
// Known limitation: changes made to the folder by another process while Write
// runs are not detected; a file created under a generated name in that moment
// may be replaced.
package output
