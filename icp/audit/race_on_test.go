//go:build race

package audit

// raceBuild: the race detector slows the audit about tenfold.
const raceBuild = true
