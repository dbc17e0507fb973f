// libyaml's public header, for Swift. libyaml needs no shim functions: its parser
// and event API are plain C without variadic calls.
#include <yaml.h>
