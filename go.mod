module github.com/graphgen/graphgen

go 1.26.0

require (
	github.com/beevik/etree v1.8.1
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
)
