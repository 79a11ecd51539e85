using System.Text.Json.Serialization;

namespace NewsWatch.Web;

[JsonSerializable(typeof(string))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
