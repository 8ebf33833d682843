// Package fetch downloads a Microsoft Graph CSDL $metadata document to a local
// file, so that graphgen can work from a copy checked into the repository.
//
// Downloads are conditional. Next to the output file, Fetch keeps a small JSON
// sidecar named "<output>.etag":
//
//	{"url": "...", "etag": "...", "lastModified": "...", "sha256": "..."}
//
// It records the URL the file came from, the ETag and Last-Modified response
// headers that came with it and the SHA-256 of the file's content. On the
// next run the stored values are sent as If-None-Match and If-Modified-Since,
// and a 304 Not Modified answer leaves the file untouched. The sidecar is used
// only when its URL is the requested one and its checksum matches the output
// file, so a file edited by hand is downloaded again; a sidecar that cannot be
// read is ignored the same way.
//
// A downloaded body is accepted only if it is a CSDL document: its root element
// must be edmx:Edmx of OData version 4.0 or 4.01. It is written to a temporary
// file next to the output and renamed into place, and it is not written at all
// if it equals the current file.
//
// Known limitation: the output file and its sidecar are replaced one after the
// other, not together. If the process stops in between, the sidecar describes
// the older file; its checksum no longer matches, so the next run simply
// downloads the document again. A process killed during a download leaves a
// hidden ".<output>.tmp-*" file next to the output, which can be deleted.
package fetch
