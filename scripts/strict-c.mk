# Compiler flags for the package's C code in this project's own builds (R_MAKEVARS_USER): every
# warning shown, and a call to a function R's headers do not declare is an error, not a pointer
# truncated to an int.
CFLAGS += -Wall -Werror=implicit-function-declaration
