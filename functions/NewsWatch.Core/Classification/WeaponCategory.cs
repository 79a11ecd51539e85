namespace NewsWatch.Classification;

/// <summary>SIPRI's weapon categories, as the slugs subscribers filter on and alerts print.</summary>
public static class WeaponCategory
{
    public const string Aircraft = "aircraft";
    public const string AirDefence = "air-defence";
    public const string AntiSubmarine = "anti-submarine";
    public const string ArmouredVehicles = "armoured-vehicles";
    public const string Artillery = "artillery";
    public const string Engines = "engines";
    public const string Missiles = "missiles";
    public const string NavalWeapons = "naval-weapons";
    public const string Satellites = "satellites";
    public const string Sensors = "sensors";
    public const string Ships = "ships";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        Aircraft, AirDefence, AntiSubmarine, ArmouredVehicles, Artillery, Engines,
        Missiles, NavalWeapons, Satellites, Sensors, Ships, Other,
    ];

    /// <summary>Accepts a slug or a SIPRI name in any case ("Air defence systems", "armoured vehicles").</summary>
    public static bool TryParse(string text, out string slug)
    {
        var key = text.Trim().ToLowerInvariant().Replace(' ', '-');
        slug = key switch
        {
            "air-defence-systems" or "air-defense" or "air-defense-systems" => AirDefence,
            "anti-submarine-warfare-weapons" or "asw" => AntiSubmarine,
            "armored-vehicles" => ArmouredVehicles,
            _ => key,
        };
        return All.Contains(slug);
    }

    public static string DisplayName(string slug) => slug switch
    {
        AirDefence => "air defence systems",
        AntiSubmarine => "anti-submarine warfare weapons",
        ArmouredVehicles => "armoured vehicles",
        NavalWeapons => "naval weapons",
        _ => slug,
    };
}
