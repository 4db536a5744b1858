//go:build !amd64 || purego

package audit

// No vector classifier: they need amd64 assembly.
const hasAVX512, hasAVX2 = false, false

func classifyAVX512(t []byte) (anchors, invisible, decode bool, nls int) { return classifyText(t) }

func classifyAVX2(t []byte) (anchors, invisible, decode bool, nls int) { return classifyText(t) }
