// Command panel is the reference integration of icpkit in a hosting panel:
// a filing wizard (subject → people → sites → materials → review) that
// checks every field as the customer types, with icp.Check compiled to
// WebAssembly and run in the page, and again on the server when the
// application is submitted.
//
// The page is plain HTML, CSS and a little JavaScript. Without the wasm
// file (no Go toolchain where the server runs, or -wasm=off) the page asks
// the server for each check instead, and says so. Uploads are inspected on
// the server with material.Inspect. The review step shows the full report
// grouped by section, the footer snippet and, for a change to an existing
// filing, the re-filing plan.
//
// Usage:
//
//	panel [-addr 127.0.0.1:8080] [-wasm auto|off|FILE]
//
// With -wasm auto (the default) the server builds the wasm check at start
// with the Go toolchain (GOOS=js GOARCH=wasm go build ./examples/panel/wasm)
// and serves wasm_exec.js from $(go env GOROOT)/lib/wasm; the page works on
// server checks until the build is done. The older domain-binding form
// lives at /bind.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	wasm := flag.String("wasm", "auto", `the wasm check: "auto" builds it at start, "off" serves none, else a file built before`)
	flag.Parse()
	s, err := newServer()
	if err != nil {
		log.Fatal(err)
	}
	switch *wasm {
	case "off":
	case "auto":
		go func() {
			dir, err := os.MkdirTemp("", "icpkit-panel-")
			if err != nil {
				log.Print(err)
				return
			}
			out := filepath.Join(dir, "check.wasm")
			start := time.Now()
			if err := buildWasm(context.Background(), out); err != nil {
				log.Printf("panel: no wasm check, the page uses server checks: %v", err)
				return
			}
			log.Printf("panel: wasm check built in %v", time.Since(start).Round(time.Millisecond))
			s.setWasm(out)
		}()
	default:
		s.setWasm(*wasm)
	}
	srv := &http.Server{Addr: *addr, Handler: s, ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(os.Stderr, "panel: listening on http://%s/\n", *addr)
	log.Fatal(srv.ListenAndServe())
}

// buildWasm builds the wasm check into out with the go command.
func buildWasm(ctx context.Context, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s", "-o", out, "github.com/icpkit/icpkit/examples/panel/wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(b)))
	}
	return nil
}

// wasmExecPath finds wasm_exec.js of the Go toolchain: it belongs to the
// toolchain that built the wasm file, so it is served from there rather
// than copied into the repository.
var wasmExecPath = sync.OnceValue(func() string {
	if b, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(b)), "lib", "wasm", "wasm_exec.js")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
})
