// Package hardening holds no code: its tests run every parser and checker
// of the module over a shared junk corpus, from many goroutines at once,
// and check that no personal number leaks into any rendering.
package hardening
