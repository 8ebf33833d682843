package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// sdkModule is Kiota's generated Graph SDK for Go.
const sdkModule = "github.com/microsoftgraph/msgraph-sdk-go"

// oursProgram reads one exchangeRestoreSession with the generated
// package, which lives in the v1 folder of its module.
const oursProgram = `package main

import (
	"context"
	"fmt"
	"log"

	v1 "benchgen.local/ours/v1"
)

func main() {
	client := v1.NewClient(nil)
	sessions := client.Solutions().BackupRestore().ExchangeRestoreSessions()
	session, err := sessions.ByID("x").Get(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(session.ID.OrZero())
}
`

// kiotaProgram does the same with msgraph-sdk-go.
const kiotaProgram = `package main

import (
	"context"
	"fmt"
	"log"

	"github.com/microsoft/kiota-abstractions-go/authentication"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
)

func main() {
	adapter, err := msgraphsdk.NewGraphRequestAdapter(&authentication.AnonymousAuthenticationProvider{})
	if err != nil {
		log.Fatal(err)
	}
	client := msgraphsdk.NewGraphServiceClient(adapter)
	sessions := client.Solutions().BackupRestore().ExchangeRestoreSessions()
	session, err := sessions.ByExchangeRestoreSessionId("x").Get(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	if id := session.GetId(); id != nil {
		fmt.Println(*id)
	}
}
`

// warmProgram returns a hello-world program that imports every package
// of pkgs that a program may import, so that building it compiles them
// and what they depend on.
func warmProgram(pkgs []string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	for _, p := range pkgs {
		if importable(p) && p != "fmt" {
			fmt.Fprintf(&b, "\t_ %q\n", p)
		}
	}
	b.WriteString(")\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n")
	return b.String()
}

// importable reports whether a program outside the standard library may
// import the standard package path: internal and vendored packages are
// reached only through the packages that use them.
func importable(path string) bool {
	parts := strings.Split(path, "/")
	return parts[0] != "vendor" && !slices.Contains(parts, "internal")
}

// prepareKiota creates the module of the Kiota program in dir, downloads
// msgraph-sdk-go at version and what the program needs, and returns the
// SDK's directory in the module cache.
func prepareKiota(tool goTool, dir, cache, version string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create kiota module: %w", err)
	}
	if _, err := tool.output(dir, cache, "mod", "init", "benchgen.local/kiota"); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(kiotaProgram), 0o644); err != nil {
		return "", fmt.Errorf("create kiota module: %w", err)
	}
	if _, err := tool.output(dir, cache, "get", sdkModule+"@"+version); err != nil {
		return "", err
	}
	if _, err := tool.output(dir, cache, "mod", "tidy"); err != nil {
		return "", err
	}
	return tool.output(dir, cache, "list", "-m", "-f", "{{.Dir}}", sdkModule)
}
