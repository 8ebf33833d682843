package fetch

import (
	"fmt"
	"net/url"
	"strings"
)

// DefaultBaseURL is the Microsoft Graph service root used by [MetadataURL]
// when no base URL is given.
const DefaultBaseURL = "https://graph.microsoft.com"

// MetadataURL returns the address of the $metadata document of one Graph API
// version, "v1.0" or "beta", below baseURL. An empty baseURL means
// [DefaultBaseURL]; for example "https://graph.microsoft.com/v1.0/$metadata".
func MetadataURL(baseURL, version string) (string, error) {
	if version != "v1.0" && version != "beta" {
		return "", fmt.Errorf("metadata URL: unknown Graph version %q, want v1.0 or beta", version)
	}
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", fmt.Errorf("metadata URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("metadata URL: base URL %q must be an http or https address", baseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("metadata URL: base URL %q must not have a query, fragment or user", baseURL)
	}
	return strings.TrimRight(baseURL, "/") + "/" + version + "/$metadata", nil
}
