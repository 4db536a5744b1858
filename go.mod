module github.com/icpkit/icpkit

go 1.26.0

require (
	github.com/h2non/filetype v1.1.3
	github.com/stretchr/testify v1.12.1
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
