package extract

// Options change how Extract reads. There are none yet: findings carry
// data, and their messages are rendered in a language by package
// internal/msg at the edge, so the language is not an option of reading.
type Options struct{}
