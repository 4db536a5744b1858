//go:build js && wasm

// Command wasm is icpkit's filing check for the browser: built with
// GOOS=js GOARCH=wasm, it registers two functions on the page's global
// object for the panel's wizard:
//
//	icpkitCheck(applicationJSON, optionsJSON) → resultJSON
//	icpkitForm(optionsJSON) → formJSON
//
// The options are {"lang": "zh-Hans"|"en", "profile": "default"|"alibaba"|…,
// "at": "YYYY-MM-DD", "filing_type", "province", "kind"}; the result of a
// check is {"findings": […]} as icp.Report encodes it, or {"error": …,
// "path": …} when the application does not decode. It imports no net/http:
// the check runs wholly in the page.
//
// Build it with
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-s -o check.wasm ./examples/panel/wasm
//
// and load it with wasm_exec.js from $(go env GOROOT)/lib/wasm.
package main

import (
	"syscall/js"

	"github.com/icpkit/icpkit/examples/panel/internal/checkapi"
)

func main() {
	js.Global().Set("icpkitCheck", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return `{"error":"icpkitCheck(applicationJSON, optionsJSON)"}`
		}
		return string(checkapi.Check([]byte(args[0].String()), []byte(args[1].String())))
	}))
	js.Global().Set("icpkitForm", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 {
			return `{"error":"icpkitForm(optionsJSON)"}`
		}
		return string(checkapi.Form([]byte(args[0].String())))
	}))
	js.Global().Set("icpkitReady", true)
	select {}
}
