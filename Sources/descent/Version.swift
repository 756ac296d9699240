/// Descent's version, printed by `descent --version`.
let descentVersion = "0.1.0"
