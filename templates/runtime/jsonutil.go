package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// isJSONNull reports whether data is the JSON literal null.
func isJSONNull(data []byte) bool {
	return string(bytes.TrimSpace(data)) == "null"
}

// unquoteJSONString decodes data as a JSON string; what names the Edm type
// in the error message.
func unquoteJSONString(data []byte, what string) (string, error) {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return "", fmt.Errorf("decode %s: want a JSON string, got %.40s", what, data)
	}
	return s, nil
}
