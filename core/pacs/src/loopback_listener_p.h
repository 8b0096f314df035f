#pragma once
// DCMTK 3.6.7 has no way to choose the address its acceptor binds: ASC_initializeNetwork always
// listens on INADDR_ANY. Hilum's storage SCP must listen on 127.0.0.1 only unless told otherwise,
// so this replaces the listening socket inside DCMTK's network (same descriptor number, via dup2)
// with one bound to the wanted address and the same port. dulstruc.h is DCMTK's own installed
// header for that structure; the socket found there is checked (a listening TCP socket on the
// expected port) before anything is touched, so a layout change fails start() instead of
// misbehaving.
#include "hilum/base/result.h"

#include <string>

struct T_ASC_Network;

namespace hilum::pacs {

// Rebinds `network`'s listening socket to `address`:port (0: the port DCMTK was given). Returns the descriptor (owned by DCMTK,
// closed by ASC_dropNetwork), or an Error naming the address and the reason.
Result<int> rebindListener(T_ASC_Network* network, const std::string& address, int port);

// True for 127.0.0.0/8 and ::1 (also IPv4-mapped), the peers a loopback-bound server accepts.
bool isLoopbackAddress(const std::string& address);

}  // namespace hilum::pacs
