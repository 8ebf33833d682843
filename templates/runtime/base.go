package runtime

// defaultBaseURL is the one runtime declaration that depends on the output:
// the emitter generates it in each package, with the service root of the
// metadata's version, and Runtime leaves this file out. It is declared here
// so that the runtime compiles and is tested as an ordinary package.
const defaultBaseURL = "https://graph.microsoft.com/v1.0"
