#pragma once
// Result<T>: a value or an Error. Like OFCondition there is no implicit conversion to bool, so a
// result cannot be silently tested as a flag; ask ok().
#include "hilum/base/error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace hilum {

template <typename T>
class [[nodiscard]] Result {
public:
  Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return m_data.index() == 0; }

  const T& value() const& { assert(ok()); return std::get<0>(m_data); }
  T& value() & { assert(ok()); return std::get<0>(m_data); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }

  const Error& error() const { assert(!ok()); return std::get<1>(m_data); }

private:
  std::variant<T, Error> m_data;
};

// Result of an operation that yields nothing but success or an Error.
class [[nodiscard]] Status {
public:
  Status() = default;
  Status(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT: implicit by design
  static Status success() { return {}; }

  bool ok() const { return m_ok; }
  const Error& error() const { assert(!m_ok); return m_error; }

private:
  Error m_error{Module::Base, ErrorCode::Internal, {}};
  bool m_ok = true;
};

}  // namespace hilum
