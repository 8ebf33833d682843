package fetch

import (
	"encoding/json"
	"fmt"
	"os"
)

// sidecar is the content of the "<output>.etag" file that remembers where the
// output came from and how to ask whether it is still current.
type sidecar struct {
	URL          string `json:"url"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"lastModified,omitempty"`
	SHA256       string `json:"sha256"`
}

// sidecarPath returns the path of the sidecar of the output file.
func sidecarPath(output string) string {
	return output + ".etag"
}

// conditional reports whether s has a validator to send.
func (s sidecar) conditional() bool {
	return s.ETag != "" || s.LastModified != ""
}

// loadValidators returns the sidecar of output if it belongs to rawURL and
// describes the current content of output, and an empty sidecar otherwise.
func loadValidators(rawURL, output string) sidecar {
	data, err := os.ReadFile(sidecarPath(output))
	if err != nil {
		return sidecar{}
	}
	var s sidecar
	if err := json.Unmarshal(data, &s); err != nil || s.URL != rawURL {
		return sidecar{}
	}
	if sum, err := fileSum(output); err != nil || sum != s.SHA256 {
		return sidecar{}
	}
	return s
}

// save writes s as the sidecar of output.
func (s sidecar) save(output string) error {
	data, err := json.MarshalIndent(s, "", "\t")
	if err != nil {
		return fmt.Errorf("encode %s: %w", sidecarPath(output), err)
	}
	return writeFile(sidecarPath(output), append(data, '\n'))
}
