module github.com/eventwire/eventwire

go 1.26.8
