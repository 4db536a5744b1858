//go:build !amd64 || purego

package audit

// hasVector is false: classifyVector needs amd64 assembly.
const hasVector = false

func classifyVector(t []byte) (anchors, invisible, decode bool, nls int) { return classifyText(t) }
