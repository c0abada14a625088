import GrafanaSupport
import Testing

/// Expected strings are Grafana's own (pkg/tsdb/grafana-postgresql-datasource/macros_test.go and
/// the SQL data source's interpolateVariable), copied by hand for the same inputs.
@Suite("Grafana macro and variable expansion")
struct GrafanaMacroExpanderTests {
    /// 2018-04-12 18:00:00 to 18:05:00 UTC, as in Grafana's macro tests.
    let fiveMinutes = GrafanaMacroExpander(fromMilliseconds: 1_523_556_000_000, toMilliseconds: 1_523_556_300_000)

    @Test("time filter, from and to print RFC 3339 in UTC")
    func timeFilter() throws {
        #expect(
            try fiveMinutes.expand("WHERE $__timeFilter(time_column)")
                == "WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'")
        #expect(try fiveMinutes.expand("select $__timeFrom()") == "select '2018-04-12T18:00:00Z'")
        #expect(try fiveMinutes.expand("select $__timeTo()") == "select '2018-04-12T18:05:00Z'")
        #expect(try fiveMinutes.expand("select $__time(time_column)") == "select time_column AS \"time\"")
    }

    @Test("fractions of a second keep only their significant digits")
    func fractionalRange() throws {
        let expander = GrafanaMacroExpander(fromMilliseconds: -312_915_599_500, toMilliseconds: -312_915_599_500)
        #expect(try expander.expand("$__timeFrom()") == "'1960-02-01T07:00:00.5Z'")
    }

    @Test("time groups divide epoch seconds; the alias names the column time")
    func timeGroups() throws {
        #expect(
            try fiveMinutes.expand("SELECT $__timeGroup(time_column,'5m')")
                == "SELECT floor(extract(epoch from time_column)/300)*300")
        #expect(
            try fiveMinutes.expand("$__timeGroupAlias(time_column , '5m')")
                == "floor(extract(epoch from time_column)/300)*300 AS \"time\"")
        #expect(
            try fiveMinutes.expand("SELECT $__timeGroup(time_column,'5m'), value")
                == "SELECT floor(extract(epoch from time_column)/300)*300 AS \"time\", value")
        #expect(
            try fiveMinutes.expand("$__timeGroupAlias(day, '1d')")
                == "floor(extract(epoch from day)/86400)*86400 AS \"time\"")
        #expect(
            try fiveMinutes.expand("$__timeGroup(t, '12d')") == "floor(extract(epoch from t)/1.0368e+06)*1.0368e+06")
        #expect(try fiveMinutes.expand("$__timeGroup(t, 20ms)") == "floor(extract(epoch from t)/0.02)*0.02")
    }

    @Test("unix epoch macros use whole seconds")
    func unixEpoch() throws {
        #expect(
            try fiveMinutes.expand("select $__unixEpochFilter(time)")
                == "select time >= 1523556000 AND time <= 1523556300")
        #expect(
            try fiveMinutes.expand("SELECT $__unixEpochGroupAlias(time_column+time_adjustment,'5m')")
                == "SELECT floor((time_column+time_adjustment)/300)*300 AS \"time\"")
    }

    @Test("multi-value and All variables become quoted lists; plain ones their value")
    func variables() throws {
        var expander = fiveMinutes
        expander.variables = [
            "agent": GrafanaVariable(name: "agent", values: ["a-1", "O'Brien"], multi: true, includeAll: true),
            "stream": GrafanaVariable(name: "stream", values: ["st-1"], multi: false, includeAll: false),
            "queue": GrafanaVariable(name: "queue", values: ["q-1"], multi: true, includeAll: false),
        ]
        #expect(try expander.expand("agent_id IN ($agent)") == "agent_id IN ('a-1','O''Brien')")
        #expect(try expander.expand("agent_id IN (${agent})") == "agent_id IN ('a-1','O''Brien')")
        #expect(try expander.expand("agent_id IN ([[agent]])") == "agent_id IN ('a-1','O''Brien')")
        #expect(try expander.expand("'${agent:csv}'") == "'a-1,O'Brien'")
        #expect(try expander.expand("stream_id = '$stream'") == "stream_id = 'st-1'")
        #expect(try expander.expand("queue_id IN ($queue)") == "queue_id IN ('q-1')")
        #expect(try expander.expand("$__interval $__interval_ms") == "1h 3600000")
    }

    @Test("unknown variables, macros and bad arguments are errors")
    func errors() {
        #expect(throws: GrafanaExpansionError.self) { try fiveMinutes.expand("agent_id IN ($agnt)") }
        #expect(throws: GrafanaExpansionError.self) { try fiveMinutes.expand("$__timeFilterx(c)") }
        #expect(throws: GrafanaExpansionError.self) { try fiveMinutes.expand("$__timeFilter()") }
        #expect(throws: GrafanaExpansionError.self) { try fiveMinutes.expand("$__timeGroup(t, 'soon')") }
        #expect(throws: GrafanaExpansionError.self) { try fiveMinutes.expand("x = $__timeFrom") }
    }
}
