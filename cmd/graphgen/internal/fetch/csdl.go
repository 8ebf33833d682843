package fetch

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// edmxNamespace is the XML namespace of the edmx:Edmx root element of a CSDL
// document.
const edmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx"

// checkCSDL reads r up to its first element and reports why it is not the root
// of a CSDL document, or nil if it is. A UTF-8 byte order mark is skipped.
func checkCSDL(r io.Reader) error {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		if _, err := br.Discard(3); err != nil {
			return err
		}
	}

	d := xml.NewDecoder(br)
	d.Strict = false // so that an HTML error page reaches its root element
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return errors.New("no root element")
		}
		if err != nil {
			return err
		}
		if start, ok := tok.(xml.StartElement); ok {
			return checkRoot(start)
		}
	}
}

// checkRoot checks the name and version of the root element.
func checkRoot(root xml.StartElement) error {
	if root.Name.Local != "Edmx" || root.Name.Space != edmxNamespace {
		if root.Name.Space == "" {
			return fmt.Errorf("root element <%s>", root.Name.Local)
		}
		return fmt.Errorf("root element <%s> in namespace %q", root.Name.Local, root.Name.Space)
	}
	for _, a := range root.Attr {
		if a.Name.Space == "" && a.Name.Local == "Version" {
			if a.Value != "4.0" && a.Value != "4.01" {
				return fmt.Errorf("edmx:Edmx Version %q, want 4.0 or 4.01", a.Value)
			}
			return nil
		}
	}
	return errors.New("edmx:Edmx has no Version")
}
